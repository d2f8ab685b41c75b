package dev.slowfast.blocking.jetty;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a connection that has not delivered a complete request head within {@code HEADER_TIMEOUT_MS} of
 * being opened. Jetty's idle timeout starts again with every byte received, so on its own it cannot stop a
 * client that trickles its head a byte at a time (slowloris); Jetty has no setting for this deadline, so a
 * {@link Connection.Listener} on the connector sets one per connection. {@link Connection#getMessagesIn()}
 * counts the requests whose head Jetty has parsed, whether or not a thread has picked them up yet.
 */
final class HeaderTimeout implements Connection.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(HeaderTimeout.class);

    private final Scheduler scheduler;
    private final Duration timeout;
    private final Map<Connection, Scheduler.Task> deadlines = new ConcurrentHashMap<>();

    HeaderTimeout(Scheduler scheduler, Duration timeout) {
        this.scheduler = scheduler;
        this.timeout = timeout;
    }

    @Override
    public void onOpened(Connection connection) {
        deadlines.put(connection, scheduler.schedule(() -> expire(connection), timeout.toMillis(), TimeUnit.MILLISECONDS));
    }

    @Override
    public void onClosed(Connection connection) {
        Scheduler.Task deadline = deadlines.remove(connection);
        if (deadline != null) {
            deadline.cancel();
        }
    }

    private void expire(Connection connection) {
        deadlines.remove(connection);
        if (connection.getMessagesIn() == 0) {
            LOG.debug("Closing {}: no complete request head within {} ms", connection.getEndPoint().getRemoteSocketAddress(),
                    timeout.toMillis());
            connection.close();
        }
    }
}
