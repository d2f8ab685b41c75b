package dev.slowfast.blocking.jetty;

import dev.slowfast.blocking.problems.ProblemResponses;
import dev.slowfast.rules.Problem;
import dev.slowfast.rules.ProblemDetails;
import dev.slowfast.rules.ProblemType;
import java.util.Arrays;
import java.util.Objects;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Words the errors Jetty answers itself, before a request reaches Javalin (an unparsable URI, a request head
 * beyond the parser's budget, a request refused during shutdown, ...), as problems instead of Jetty's HTML page.
 * A status outside the contract's set becomes the closest one in it: 400 for the client's errors, 500 for ours.
 */
final class FrameworkErrors extends ErrorHandler {

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        ProblemResponses.send(response, callback, problemFor(code));
    }

    private static Problem problemFor(int status) {
        return switch (status) {
            case HttpStatus.URI_TOO_LONG_414 -> Problem.of(ProblemType.URI_TOO_LONG, ProblemDetails.URI_TOO_LONG);
            case HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE_431 ->
                    Problem.of(ProblemType.HEADER_FIELDS_TOO_LARGE, ProblemDetails.HEADER_FIELDS_TOO_LARGE);
            // Jetty's own 503s (GracefulHandler while stopping) mean "not now, try again": never the database's fault.
            case HttpStatus.SERVICE_UNAVAILABLE_503 -> Problem.of(ProblemType.OVERLOADED, ProblemDetails.SHUTTING_DOWN);
            case HttpStatus.INTERNAL_SERVER_ERROR_500 -> Problem.of(ProblemType.INTERNAL_ERROR, ProblemDetails.INTERNAL_ERROR);
            default -> Problem.of(closestType(status), "The server could not handle this request: " + status + " "
                    + Objects.requireNonNullElse(HttpStatus.getMessage(status), "") + ".");
        };
    }

    private static ProblemType closestType(int status) {
        return Arrays.stream(ProblemType.values())
                .filter(type -> type.status() == status)
                .findFirst()
                .orElse(status < 500 ? ProblemType.BAD_REQUEST : ProblemType.INTERNAL_ERROR);
    }
}
