package dev.slowfast.async.vertx;

import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;

/**
 * A body answered with 413 or 415 before it has all arrived: Vert.x would read (and discard) the
 * rest to keep the connection, for as long as the client sends it, 16 MiB at a trickle included.
 * Instead the answer says {@code Connection: close}, and the connection is closed {@link #LINGER}
 * after the answer is written: time for the client to read it before a close with unread data
 * (a reset) could make its TCP stack discard it (RFC 9112, 9.6), and no longer.
 */
final class RefusedBodies {

    static final Duration LINGER = Duration.ofSeconds(1);

    private RefusedBodies() {
    }

    /** Before the answer is sent: whether the body is still arriving, and if so, {@code Connection: close}. */
    static boolean stillArriving(RoutingContext ctx) {
        if (ctx.request().isEnded()) {
            return false; // read whole already: the connection can go on
        }
        ctx.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        return true;
    }

    /** Once the answer is written (or has failed to be), the connection goes after {@link #LINGER}. */
    static void closeAfter(RoutingContext ctx, Future<Void> answered) {
        var connection = ctx.request().connection();
        answered.onComplete(written -> ctx.vertx().setTimer(LINGER.toMillis(), timer -> connection.close()));
    }
}
