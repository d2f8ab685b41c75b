package dev.slowfast.async.vertx;

import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;

/**
 * The size limits of a request head: the request target (else 414) and all header lines together
 * (else 431). Netty's HTTP decoder enforces them while it reads, before Vert.x Web ever sees the
 * request, and hands what it refused to {@link FrameworkErrors#rejectInvalid}.
 */
public record RequestHeadLimits(int maxTargetBytes, int maxHeaderBytes) {

    /** The server options that make Netty enforce the limits. */
    HttpServerOptions serverOptions() {
        return new HttpServerOptions()
                // Netty limits the whole request line ("DELETE <target> HTTP/1.1"), not the target, so it
                // gets room for the longest method and the version; targetTooLong is exact.
                .setMaxInitialLineLength(maxTargetBytes + "OPTIONS  HTTP/1.1".length())
                // Netty counts every header line's bytes without its CRLF, summed over the head.
                .setMaxHeaderSize(maxHeaderBytes)
                // HTTP/1.1 only: no h2c sniffing, so a connection exists (and its head deadline
                // runs, see HeaderTimeout) from the moment it is accepted.
                .setHttp2ClearTextEnabled(false);
    }

    /** The exact rule for the target, which Netty only approximates. */
    boolean targetTooLong(HttpServerRequest request) {
        // Netty reads the request line byte by byte into chars, so length() is the target's byte count.
        return request.uri().length() > maxTargetBytes;
    }
}
