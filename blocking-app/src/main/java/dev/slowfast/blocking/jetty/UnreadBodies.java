package dev.slowfast.blocking.jetty;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Every answer reaches its client, also when the request's body was not read (a 404, 405, 413, 415 or 503 before
 * the body, a GET or DELETE that carries one), and a refused body is never read without a deadline.
 *
 * <p>Jetty consumes an unread body only when the response completes. If it is not all there yet, it either fails
 * the request and closes the connection with unread bytes, which resets it and can destroy the answer before the
 * client has read it, or (the answer already sent without {@code Connection: close}) stops parsing the connection,
 * so the client's next request on it is never answered. So the rest of such a body is read and dropped after the
 * answer, with {@code Connection: close}, for at most {@link #DRAIN_DEADLINE} and {@link #MAX_DRAINED_BYTES};
 * then the connection is closed (a client still sending has its answer by then):
 * <ul>
 *   <li>for Javalin's answers, on the handler thread ({@link #drainAfterAnswer}: the servlet layer checks the body
 *       before the response is written), the deadline enforced by closing the connection;</li>
 *   <li>for the answers Jetty handlers give before Javalin (shedding, draining, head limits), by this wrapper
 *       around them: before the answer is first written it drops what has arrived, without waiting, and if that is
 *       not all, the answer says {@code Connection: close} and the rest is read as it arrives (Jetty's demand, no
 *       thread waiting) before the response completes.</li>
 * </ul>
 */
public final class UnreadBodies extends Handler.Wrapper {

    static final Duration DRAIN_DEADLINE = Duration.ofSeconds(2);
    static final long MAX_DRAINED_BYTES = 16L * 1024 * 1024;

    UnreadBodies() {
    }

    /** True if the request declares a body that has not been read to its end. */
    public static boolean isLeftUnread(HttpServletRequest request) {
        if (request.getContentLengthLong() <= 0 && request.getHeader("Transfer-Encoding") == null) {
            return false;
        }
        try {
            return !request.getInputStream().isFinished();
        } catch (IOException | IllegalStateException e) {
            return false; // a reader took the body, or it failed: nothing to drain here
        }
    }

    /**
     * Call once the answer, with {@code Connection: close}, has been flushed: reads and drops the rest of the body,
     * holding this thread for at most {@link #DRAIN_DEADLINE}, and closes the connection if the body did not end.
     */
    public static void drainAfterAnswer(HttpServletRequest request) {
        Request core = ServletContextRequest.getServletContextRequest(request);
        EndPoint endPoint = core.getConnectionMetaData().getConnection().getEndPoint();
        // Closing the connection ends a read that waits for bytes which come too slowly, or never.
        Scheduler.Task deadline = core.getComponents().getScheduler().schedule(endPoint::close, DRAIN_DEADLINE.toMillis(),
                TimeUnit.MILLISECONDS);
        try {
            InputStream body = request.getInputStream();
            byte[] buffer = new byte[8192];
            long drained = 0;
            int read;
            while ((read = body.read(buffer)) != -1) {
                drained += read;
                if (drained > MAX_DRAINED_BYTES) {
                    endPoint.close();
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            // closed at the deadline, or by the client: nothing left to protect
        } finally {
            deadline.cancel();
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!hasBody(request)) {
            return super.handle(request, response, callback);
        }
        return super.handle(request, new SettleBodyFirst(request, response), callback);
    }

    private static boolean hasBody(Request request) {
        return request.getLength() > 0 || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
    }

    private static final class SettleBodyFirst extends Response.Wrapper {
        private final AtomicBoolean settled = new AtomicBoolean();
        private volatile boolean mustDrain;

        SettleBodyFirst(Request request, Response wrapped) {
            super(request, wrapped);
        }

        @Override
        public void write(boolean last, ByteBuffer content, Callback callback) {
            if (settled.compareAndSet(false, true) && !isCommitted() && !readAvailable(getRequest())) {
                getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
                mustDrain = true;
            }
            if (last && mustDrain) {
                super.write(true, content, Callback.from(() -> new Drain(getRequest(), callback).start(), callback::failed));
            } else {
                super.write(last, content, callback);
            }
        }
    }

    /**
     * Reads and drops what has arrived of the body, without waiting; true if that was the end of it. (Not Jetty's
     * {@link Request#consumeAvailable()}: when that does not reach the end it fails the body, so it cannot be
     * drained afterwards, and closing then would reset the connection under the answer.)
     */
    private static boolean readAvailable(Request request) {
        while (true) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                return false;
            }
            chunk.release();
            if (Content.Chunk.isFailure(chunk)) {
                return false;
            }
            if (chunk.isLast()) {
                return true;
            }
        }
    }

    /** Reads and drops the rest of a body after its answer was written, then lets the response complete. */
    private static final class Drain implements Runnable {
        private final Request request;
        private final Callback done;
        private final EndPoint endPoint;
        private final AtomicBoolean finished = new AtomicBoolean();
        private long drained;
        private Scheduler.Task deadline;

        Drain(Request request, Callback done) {
            this.request = request;
            this.done = done;
            this.endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
        }

        void start() {
            // Closing the connection fails the pending read, which ends the drain below.
            deadline = request.getComponents().getScheduler().schedule(endPoint::close, DRAIN_DEADLINE.toMillis(),
                    TimeUnit.MILLISECONDS);
            run();
        }

        @Override
        public void run() {
            while (true) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                drained += chunk.remaining();
                chunk.release();
                if (chunk.isLast() || Content.Chunk.isFailure(chunk) || drained > MAX_DRAINED_BYTES) {
                    finish(chunk.isLast() && !Content.Chunk.isFailure(chunk));
                    return;
                }
            }
        }

        private void finish(boolean wholeBody) {
            if (finished.compareAndSet(false, true)) {
                deadline.cancel();
                if (!wholeBody) {
                    endPoint.close();
                }
                done.succeeded();
            }
        }
    }
}
