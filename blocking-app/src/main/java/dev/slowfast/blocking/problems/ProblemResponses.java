package dev.slowfast.blocking.problems;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.slowfast.blocking.json.StrictJson;
import dev.slowfast.rules.FieldError;
import dev.slowfast.rules.Problem;
import io.javalin.http.Context;
import io.javalin.http.Header;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * A kernel {@link Problem} as an {@code application/problem+json} response, with the {@code Retry-After} its type
 * asks for: on Javalin's context for requests that reached a handler, on Jetty's response for those answered below.
 */
public final class ProblemResponses {

    public static final String PROBLEM_JSON = "application/problem+json";

    private ProblemResponses() {
    }

    public static void send(Context ctx, Problem problem) {
        int retryAfter = problem.type().retryAfterSeconds();
        if (retryAfter > 0) {
            ctx.header(Header.RETRY_AFTER, Integer.toString(retryAfter));
        }
        ctx.status(problem.status()).contentType(PROBLEM_JSON).result(json(problem));
    }

    /** Writes the problem at once (committed and flushed) rather than when the handler returns. */
    public static void sendNow(Context ctx, Problem problem) throws IOException {
        int retryAfter = problem.type().retryAfterSeconds();
        if (retryAfter > 0) {
            ctx.header(Header.RETRY_AFTER, Integer.toString(retryAfter));
        }
        byte[] body = json(problem);
        ctx.status(problem.status()).contentType(PROBLEM_JSON);
        ctx.res().setContentLength(body.length);
        ctx.res().getOutputStream().write(body);
        ctx.res().flushBuffer();
    }

    public static void send(Response response, Callback callback, Problem problem) {
        int retryAfter = problem.type().retryAfterSeconds();
        if (retryAfter > 0) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, retryAfter);
        }
        response.setStatus(problem.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, PROBLEM_JSON);
        response.write(true, ByteBuffer.wrap(json(problem)), callback);
    }

    private static byte[] json(Problem problem) {
        return StrictJson.MAPPER.writeValueAsBytes(
                new Body(problem.typeUri(), problem.title(), problem.status(), problem.detail(), problem.errors()));
    }

    /** RFC 9457's members in the usual order; {@code errors} only on a 422. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Body(String type, String title, int status, String detail, List<FieldError> errors) {
    }
}
