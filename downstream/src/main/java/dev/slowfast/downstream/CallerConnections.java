package dev.slowfast.downstream;

import io.vertx.core.http.HttpConnection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * The connections that have carried a {@code /delay}: what an app's pool holds open to this
 * service. A connection that only asks {@code /stats} or {@code /reset} (a test watching) is
 * never counted, so a test can compare the count with {@code DOWNSTREAM_POOL_SIZE} exactly.
 * Touched by the one event loop only.
 */
final class CallerConnections {

    private final Set<HttpConnection> open = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Stats stats;

    CallerConnections(Stats stats) {
        this.stats = stats;
    }

    /** A {@code /delay} arrived on {@code connection}: counted from its first one until it closes. */
    void carried(HttpConnection connection) {
        if (open.add(connection)) {
            stats.connectionOpened();
            connection.closeHandler(closed -> {
                open.remove(connection);
                stats.connectionClosed();
            });
        }
    }
}
