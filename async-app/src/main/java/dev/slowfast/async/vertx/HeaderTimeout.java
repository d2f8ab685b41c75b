package dev.slowfast.async.vertx;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every request head must be complete within {@code timeout}, or the connection is closed: the first
 * from when the connection is accepted, each next one on a kept-alive connection from when the
 * previous response has ended. A client trickling a head byte by byte cannot hold a connection for
 * ever; an idle timeout would not do, since every trickled byte resets it.
 *
 * <p>Vert.x tells us when a head is complete (the request handler) but not, without taking a
 * response handler Vert.x Web overwrites, when a response has ended; so one periodic sweep per
 * server instance asks each connection's latest request {@code response().ended()}. A connection
 * whose request is still being answered has no deadline; Vert.x hands a pipelined head over only
 * once the response before it has ended, so that head never waits under this deadline. The sweep
 * runs every tenth of the timeout (at most 500 ms), so a connection is closed at most two sweeps late.
 * Only this server instance's event loop touches the map.
 */
final class HeaderTimeout {

    private static final long MAX_SWEEP_MS = 500;

    private final Vertx vertx;
    private final long timeoutNanos;
    private final long sweepMs;
    private final Map<HttpConnection, Head> connections = new HashMap<>();
    private boolean sweeping;

    HeaderTimeout(Vertx vertx, Duration timeout) {
        this.vertx = vertx;
        this.timeoutNanos = timeout.toNanos();
        this.sweepMs = Math.clamp(timeout.toMillis() / 10, 1, MAX_SWEEP_MS);
    }

    /** For {@code HttpServer.connectionHandler}: the connection has just been accepted; its first head's time runs. */
    void opened(HttpConnection connection) {
        if (!sweeping) { // on this instance's event loop, so the timer is too
            sweeping = true;
            vertx.setPeriodic(sweepMs, timer -> sweep());
        }
        connections.put(connection, new Head(System.nanoTime()));
        connection.closeHandler(closed -> connections.remove(connection));
    }

    /** Called for every request whose head is complete: no deadline until its response has ended. */
    void headReceived(HttpServerRequest request) {
        Head head = connections.get(request.connection());
        if (head != null) {
            head.current = request;
            head.waitingSince = -1;
        }
    }

    private void sweep() {
        long now = System.nanoTime();
        List<HttpConnection> expired = null; // rarely any: no list in the common case
        for (Map.Entry<HttpConnection, Head> entry : connections.entrySet()) {
            Head head = entry.getValue();
            if (head.waitingSince < 0) {
                if (head.current.response().ended()) {
                    head.waitingSince = now; // answered since the last sweep: the next head's time runs
                }
            } else if (now - head.waitingSince >= timeoutNanos) {
                if (expired == null) {
                    expired = new ArrayList<>();
                }
                expired.add(entry.getKey());
            }
        }
        if (expired != null) { // closed after the loop: a close handler may remove its entry at once
            for (HttpConnection connection : expired) {
                connections.remove(connection);
                connection.close();
            }
        }
    }

    /** A connection's latest request, and since when it has waited for its next head ({@code -1}: not waiting). */
    private static final class Head {
        HttpServerRequest current;
        long waitingSince;

        Head(long openedAt) {
            this.waitingSince = openedAt;
        }
    }
}
