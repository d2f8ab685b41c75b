package dev.slowfast.blocking.jetty;

import dev.slowfast.blocking.web.ErrorMapping;
import dev.slowfast.blocking.web.Problem;
import dev.slowfast.blocking.web.ProblemType;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import tools.jackson.databind.ObjectMapper;

/**
 * Writes a problem+json answer straight on a Jetty response, for the requests that are answered
 * below Javalin (shed, too large a head, refused while shutting down) and so never reach {@link ErrorMapping}.
 */
final class ProblemWriter {

    /** An overloaded server is usually free again in a moment. */
    private static final String OVERLOADED_RETRY_AFTER_SECONDS = "1";

    private final ObjectMapper mapper;

    ProblemWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    void write(Response response, Callback callback, ProblemType type, String detail) {
        if (type == ProblemType.OVERLOADED) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, OVERLOADED_RETRY_AFTER_SECONDS);
        }
        response.setStatus(type.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, ErrorMapping.PROBLEM_JSON);
        response.write(true, ByteBuffer.wrap(mapper.writeValueAsBytes(Problem.of(type, detail))), callback);
    }
}
