package dev.slowfast.async;

import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * The size limits of a request head: a request target of at most 8 KiB (else 414) and headers of
 * at most 16 KiB in all (else 431). Netty's HTTP decoder enforces them while it reads, before
 * Vert.x Web ever sees the request, and hands what it refused to
 * {@link io.vertx.core.http.HttpServer#invalidRequestHandler}, whose default answers with an
 * empty body; {@link #rejectInvalid} answers with our problems instead.
 */
final class RequestHeadLimits {

    static final int MAX_TARGET_BYTES = 8 * 1024;
    static final int MAX_HEADER_BYTES = 16 * 1024;
    /**
     * Netty limits the whole request line ({@code DELETE <target> HTTP/1.1}), not the target, so it
     * gets room for the longest method and the version; {@link #checkTarget} is exact.
     */
    private static final int MAX_REQUEST_LINE_BYTES = MAX_TARGET_BYTES + "OPTIONS  HTTP/1.1".length();

    private RequestHeadLimits() {
    }

    /** The server options that make Netty enforce the limits. */
    static HttpServerOptions serverOptions() {
        return new HttpServerOptions()
                .setMaxInitialLineLength(MAX_REQUEST_LINE_BYTES)
                // Netty counts every header line's bytes without its CRLF, summed over the head.
                .setMaxHeaderSize(MAX_HEADER_BYTES)
                // HTTP/1.1 only: no h2c sniffing, so a connection exists (and its head deadline
                // runs, see HeaderDeadline) from the moment it is accepted.
                .setHttp2ClearTextEnabled(false);
    }

    /** For {@code HttpServer.invalidRequestHandler}: what Netty could not or would not decode. */
    static void rejectInvalid(HttpServerRequest request) {
        Throwable cause = request.decoderResult().cause();
        Problem problem = switch (cause) {
            case TooLongHttpLineException tooLong -> Problem.uriTooLong(MAX_TARGET_BYTES);
            case TooLongHttpHeaderException tooLarge -> Problem.headerFieldsTooLarge(MAX_HEADER_BYTES);
            case null, default -> Problem.badRequest("The request is not valid HTTP/1.1.");
        };
        // The decoder is out of step with the byte stream now, so the connection cannot go on.
        ProblemHandler.send(request.response(), problem).onComplete(written -> request.connection().close());
    }

    /** First handler of the router: the exact 8 KiB rule for the target, which Netty only approximates. */
    static void checkTarget(RoutingContext ctx) {
        // Netty reads the request line byte by byte into chars, so length() is the target's byte count.
        if (ctx.request().uri().length() > MAX_TARGET_BYTES) {
            ctx.fail(new ProblemException(Problem.uriTooLong(MAX_TARGET_BYTES)));
        } else {
            ctx.next();
        }
    }
}
