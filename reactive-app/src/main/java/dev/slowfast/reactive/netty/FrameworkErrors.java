package dev.slowfast.reactive.netty;

import dev.slowfast.rules.Problem;
import dev.slowfast.rules.ProblemDetails;
import dev.slowfast.rules.ProblemType;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import org.springframework.http.MediaType;

/**
 * What Netty refuses before any Spring code runs, as the contract's problems. Reactor Netty would
 * answer these with a bodiless 414, 431 or 400.
 */
final class FrameworkErrors {

    static final Problem URI_TOO_LONG = Problem.of(ProblemType.URI_TOO_LONG, ProblemDetails.URI_TOO_LONG);
    static final Problem HEADER_FIELDS_TOO_LARGE =
            Problem.of(ProblemType.HEADER_FIELDS_TOO_LARGE, ProblemDetails.HEADER_FIELDS_TOO_LARGE);
    static final Problem MALFORMED_HEAD = Problem.of(ProblemType.BAD_REQUEST, "The request line or headers are malformed.");

    private FrameworkErrors() {
    }

    /** The problem for each way Netty's HTTP decoder can fail. */
    static Problem decoderFailure(Throwable cause) {
        return switch (cause) {
            case TooLongHttpLineException line -> URI_TOO_LONG;
            case TooLongHttpHeaderException headers -> HEADER_FIELDS_TOO_LARGE;
            default -> MALFORMED_HEAD;
        };
    }

    /** A complete problem+json response that closes the connection: the rest of a refused head cannot be trusted. */
    static FullHttpResponse response(Problem problem, byte[] body) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(problem.status()), Unpooled.wrappedBuffer(body));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        return response;
    }
}
