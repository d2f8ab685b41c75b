package dev.slowfast.blocking.jetty;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.component.Graceful;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a connection that does not deliver its next complete request head within {@code HEADER_TIMEOUT_MS}:
 * the first from when the connection opens, each next one from when the previous response is complete.
 * Jetty's idle timeout starts again with every byte received, so on its own it cannot stop a client that
 * trickles a head a byte at a time (slowloris), and Jetty has no setting for this deadline. So a
 * {@link Connection.Listener} arms one when a connection opens, and this handler (the outermost) arms the next
 * one when a response completes. {@link Connection#getMessagesIn()} counts the heads Jetty has parsed; as the
 * pool always has a thread to parse one ({@link RequestThreads}), a head counts as soon as it has arrived, and a
 * request waiting for a worker is never taken for a slow client.
 *
 * <p>It is also one of the server's {@link Graceful} parts: when the server stops, a connection waiting for its
 * next head has nothing in flight, so it is closed at once (the contract's "closed without an answer"), and each
 * connection whose last request in flight completes is closed then; Jetty's stop waits for every connection.
 */
final class HeaderTimeout extends Handler.Wrapper implements Connection.Listener, Graceful {

    private static final Logger LOG = LoggerFactory.getLogger(HeaderTimeout.class);

    private final Duration timeout;
    private final Map<Connection, Deadline> deadlines = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    HeaderTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public void onOpened(Connection connection) {
        arm(connection);
    }

    @Override
    public void onClosed(Connection connection) {
        Deadline deadline = deadlines.remove(connection);
        if (deadline != null) {
            deadline.cancel();
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Connection connection = request.getConnectionMetaData().getConnection();
        Request.addCompletionListener(request, failure -> {
            if (connection.getEndPoint().isOpen()) {
                arm(connection);
            }
        });
        return super.handle(request, response, callback);
    }

    @Override
    public CompletableFuture<Void> shutdown() {
        stopping = true;
        deadlines.forEach(this::expire);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public boolean isShutdown() {
        return stopping;
    }

    /** The next head must arrive within the timeout (at once while stopping): one more than Jetty has parsed so far. */
    private void arm(Connection connection) {
        Deadline next = new Deadline(connection.getMessagesIn());
        Deadline previous = deadlines.put(connection, next);
        if (previous != null) {
            previous.cancel();
        }
        next.task = getServer().getScheduler().schedule(() -> expire(connection, next), stopping ? 0 : timeout.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void expire(Connection connection, Deadline deadline) {
        if (connection.getMessagesIn() == deadline.headsBefore && deadlines.remove(connection, deadline)) {
            LOG.debug("Closing {}: no complete request head within {} ms{}", connection.getEndPoint().getRemoteSocketAddress(),
                    timeout.toMillis(), stopping ? " (stopping)" : "");
            connection.close();
        }
    }

    /** The heads Jetty had parsed when the deadline was set; it expires if there is no new one by then. */
    private static final class Deadline {
        final long headsBefore;
        volatile Scheduler.Task task;

        Deadline(long headsBefore) {
            this.headsBefore = headsBefore;
        }

        void cancel() {
            Scheduler.Task scheduled = task;
            if (scheduled != null) {
                scheduled.cancel();
            }
        }
    }
}
