package dev.slowfast.async.downstream;

import io.vertx.core.http.HttpClientRequest;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The downstream calls one request has under way, cancelled together: when one call of a fan-out
 * fails, and when the client goes away. Cancelling resets each call's {@link HttpClientRequest}; on
 * HTTP/1.1 a request already sent is reset by closing its connection, so downstream counts it as
 * cancelled, not completed. A cancelled group starts no further call (a chain stops).
 *
 * <p>Used on the request's own event loop only (the handler, its end handler and the client's
 * callbacks all run there), so it needs no locking.
 */
public final class OutstandingCalls {

    private final Set<HttpClientRequest> sent = new HashSet<>();
    private boolean cancelled;

    /** Whether {@link #cancelAll()} has run: no new call may start. */
    boolean cancelled() {
        return cancelled;
    }

    /** A call got its connection; false (and the request is reset) if the group was cancelled meanwhile. */
    boolean started(HttpClientRequest request) {
        if (cancelled) {
            request.reset();
            return false;
        }
        sent.add(request);
        return true;
    }

    /** A call is over (answered, failed or timed out): reset it unless its answer came whole. */
    void finished(HttpClientRequest request, boolean answered) {
        if (request != null && sent.remove(request) && !answered) {
            request.reset();
        }
    }

    /** Resets every call still under way and refuses new ones; idempotent. */
    public void cancelAll() {
        cancelled = true;
        // A reset fails its call at once, on this thread, and the call's end removes it from sent.
        List<HttpClientRequest> resetting = List.copyOf(sent);
        sent.clear();
        resetting.forEach(HttpClientRequest::reset);
    }
}
