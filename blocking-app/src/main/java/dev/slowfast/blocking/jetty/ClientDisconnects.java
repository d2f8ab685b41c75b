package dev.slowfast.blocking.jetty;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a request whose thread is blocked on other work (downstream calls) that its client has gone. Jetty does not
 * read an HTTP/1.1 connection while its request is handled (its {@code HttpConnection} sets no fill interest until
 * the handler is done or reads the body), so it learns of a close only when it writes the answer; Jetty 12's
 * {@code Request.addFailureListener} and connection listeners hear only of what Jetty itself detects.
 *
 * <p>So one platform thread keeps a selector of its own, on which each watched connection is registered for reading
 * (a channel may be registered with several selectors; this one never reads it). A connection that turns readable
 * with nothing to read is at its end (FIN) or reset: its watch fires. One readable with bytes to read holds a
 * pipelined next request, so its client is still there; that watch then fires only if the connection closes, which
 * is also checked every {@link #TICK_MS}. Watches are registered and cancelled by that thread once per tick, in
 * the order they were opened and closed, so a request shorter than a tick costs one probe of its socket
 * ({@link ClientConnection#hasGone}, when the watch opens) and two queue entries.
 */
public final class ClientDisconnects implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClientDisconnects.class);
    /** How late a watch may start, and a closed connection be seen; well within the contract's second. */
    private static final long TICK_MS = 200;

    private final Selector selector;
    private final Queue<Watch> changes = new ConcurrentLinkedQueue<>();
    private final Set<Watch> watching = new HashSet<>(); // the watcher thread's alone
    private boolean keysCancelled; // since the last select, which deregisters them; the watcher thread's alone
    private final Thread thread;
    private volatile boolean running = true;

    public ClientDisconnects() {
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        thread = Thread.ofPlatform().name("client-disconnects").daemon().start(this::run);
    }

    /**
     * Runs {@code onGone} (once, on the watcher thread) if {@code request}'s client goes before the watch is closed;
     * at once, on the calling thread, if it has gone already: a request that waited in a queue while its client
     * left must not start its work in the tick before the watcher would see that.
     */
    public Watch watch(HttpServletRequest request, Runnable onGone) {
        var watch = new Watch(ClientConnection.endPoint(request), onGone);
        if (ClientConnection.hasGone(request)) {
            watch.closed = true;
            onGone.run();
            return watch;
        }
        changes.add(watch);
        return watch;
    }

    /** One request's watch; close it when the request no longer waits. */
    public final class Watch implements AutoCloseable {
        private final EndPoint endPoint;
        private final Runnable onGone;
        private volatile boolean closed;
        private SelectionKey key; // the watcher thread's alone

        private Watch(EndPoint endPoint, Runnable onGone) {
            this.endPoint = endPoint;
            this.onGone = onGone;
        }

        @Override
        public void close() {
            closed = true;
            changes.add(this);
        }
    }

    private void run() {
        while (running) {
            try {
                keysCancelled = false;
                selector.select(this::onReadable, TICK_MS);
                applyChanges();
                List.copyOf(watching).stream().filter(watch -> !watch.endPoint.isOpen()).forEach(this::fire);
            } catch (IOException | RuntimeException e) {
                LOG.warn("Client disconnect watcher: {}", e.toString());
            }
        }
    }

    private void onReadable(SelectionKey key) {
        var watch = (Watch) key.attachment();
        if (watch.closed) {
            return; // its cancellation is queued
        }
        if (ClientConnection.nothingToRead((SocketChannel) key.channel())) {
            fire(watch);
        } else {
            key.interestOps(0); // a pipelined request: the client is there; only a close fires from now on
        }
    }

    /** Cancellations first, flushed, so that the next request of the same connection can register it again. */
    private void applyChanges() throws IOException {
        List<Watch> batch = new ArrayList<>();
        for (Watch watch; (watch = changes.poll()) != null; ) {
            batch.add(watch);
        }
        for (Watch watch : batch) {
            if (watch.closed && watching.remove(watch) && watch.key != null) {
                watch.key.cancel();
                keysCancelled = true;
            }
        }
        if (keysCancelled) {
            keysCancelled = false;
            selector.selectNow(this::onReadable);
        }
        for (Watch watch : batch) {
            if (!watch.closed && watching.add(watch)) {
                register(watch);
            }
        }
    }

    private void register(Watch watch) {
        if (!(watch.endPoint instanceof SocketChannelEndPoint socket)) {
            return; // only the closed check applies
        }
        try {
            watch.key = socket.getChannel().register(selector, SelectionKey.OP_READ, watch);
        } catch (ClosedChannelException e) {
            fire(watch);
        } catch (CancelledKeyException e) {
            // a key of this channel cancelled in the very last select is not deregistered yet: closed check only
        }
    }

    private void fire(Watch watch) {
        if (!watching.remove(watch)) {
            return;
        }
        if (watch.key != null) {
            watch.key.cancel();
            keysCancelled = true;
        }
        try {
            watch.onGone.run();
        } catch (RuntimeException e) {
            LOG.warn("Cancelling the work of a request whose client has gone failed", e);
        }
    }

    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            thread.join(TICK_MS * 5);
            selector.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.warn("Closing the client disconnect watcher: {}", e.toString());
        }
    }
}
