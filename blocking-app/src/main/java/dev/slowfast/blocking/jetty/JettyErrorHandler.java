package dev.slowfast.blocking.jetty;

import dev.slowfast.blocking.web.ProblemType;
import java.util.Arrays;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Words the errors Jetty answers itself, before a request reaches Javalin (an unparsable URI, a request
 * head beyond the parser's budget, a request refused during shutdown, ...), as problem+json instead of
 * Jetty's HTML page. A status outside the contract's set becomes the closest one in it: 400 for the
 * client's errors, 500 for ours.
 */
final class JettyErrorHandler extends ErrorHandler {

    private final ProblemWriter problems;

    JettyErrorHandler(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        problems.write(response, callback, closestType(code),
                "The server could not handle this request: " + describe(code) + ".");
    }

    private static ProblemType closestType(int status) {
        // Jetty's own 503s (GracefulHandler while stopping) mean "not now, try again": never the database's fault.
        if (status == ProblemType.OVERLOADED.status()) {
            return ProblemType.OVERLOADED;
        }
        return Arrays.stream(ProblemType.values())
                .filter(type -> type.status() == status)
                .findFirst()
                .orElse(status < 500 ? ProblemType.BAD_REQUEST : ProblemType.INTERNAL_ERROR);
    }

    private static String describe(int status) {
        String reason = org.eclipse.jetty.http.HttpStatus.getMessage(status);
        return status + " " + (reason == null ? "" : reason);
    }
}
