package dev.slowfast.blocking.web;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import tools.jackson.databind.ObjectMapper;

/**
 * Words the errors Jetty answers itself, before a request reaches Javalin (an unparsable URI, header
 * fields too large, ...), as problem+json instead of Jetty's HTML page. A status outside the
 * contract's set becomes the closest one in it: 400 for the client's errors, 500 for ours.
 */
public final class JettyErrorHandler extends ErrorHandler {

    private final ObjectMapper mapper;

    public JettyErrorHandler(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        ProblemType type = closestType(code);
        response.setStatus(type.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, ErrorMapping.PROBLEM_JSON);
        var problem = Problem.of(type, "The server could not handle this request: " + describe(code) + ".");
        response.write(true, ByteBuffer.wrap(mapper.writeValueAsBytes(problem)), callback);
    }

    private static ProblemType closestType(int status) {
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
