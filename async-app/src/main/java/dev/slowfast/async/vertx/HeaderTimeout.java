package dev.slowfast.async.vertx;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A new connection has {@code timeout} to deliver its complete request head, or it is closed: a
 * client trickling its head a byte at a time cannot hold a connection for ever. An idle timeout
 * would not do, since every trickled byte would reset it; this is one timer per connection, started
 * when the connection is accepted and cancelled when the first request head has arrived. One
 * instance per server instance, so only its own event loop touches the map.
 */
final class HeaderTimeout {

    private final Vertx vertx;
    private final long timeoutMs;
    private final Map<HttpConnection, Long> timers = new HashMap<>();

    HeaderTimeout(Vertx vertx, Duration timeout) {
        this.vertx = vertx;
        this.timeoutMs = timeout.toMillis();
    }

    /** For {@code HttpServer.connectionHandler}: the connection has just been accepted. */
    void start(HttpConnection connection) {
        long timer = vertx.setTimer(timeoutMs, expired -> {
            timers.remove(connection);
            connection.close();
        });
        timers.put(connection, timer);
        connection.closeHandler(closed -> cancel(connection));
    }

    /** Called for every request whose head is complete; only the connection's first one cancels anything. */
    void headReceived(HttpServerRequest request) {
        cancel(request.connection());
    }

    private void cancel(HttpConnection connection) {
        Long timer = timers.remove(connection);
        if (timer != null) {
            vertx.cancelTimer(timer);
        }
    }
}
