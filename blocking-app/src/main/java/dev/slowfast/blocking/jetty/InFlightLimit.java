package dev.slowfast.blocking.jetty;

import dev.slowfast.blocking.problems.ProblemResponses;
import dev.slowfast.rules.Problem;
import dev.slowfast.rules.ProblemDetails;
import dev.slowfast.rules.ProblemType;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.Callback;

/**
 * At most {@code maxInFlight} requests accepted and not yet answered, those waiting for a worker thread included;
 * the next one is answered at once with 503 {@code overloaded} and {@code Retry-After: 1}. This is Jetty's
 * {@link QoSHandler}: {@code handlerLimit} requests hold a permit and run (the platform model's worker threads),
 * up to {@code maxInFlight - handlerLimit} more are suspended without a thread and resumed in arrival order when
 * a permit comes back (when a response is complete), and anything beyond is rejected on the thread that parsed it.
 * Because the pool has threads to spare ({@link RequestThreads}), every head reaches this handler as soon as it
 * arrives: the count covers all of them, and none waits in a queue it does not see.
 *
 * <p>With {@code counted}, it also counts for the metrics what it limits (QoSHandler keeps its permit count to
 * itself): the requests in flight and the ones it shed.
 */
final class InFlightLimit extends QoSHandler {

    private final boolean counted;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final LongAdder shed = new LongAdder();

    InFlightLimit(int maxInFlight, int handlerLimit, Set<String> unlimitedPaths, boolean counted) {
        this.counted = counted;
        int running = Math.min(handlerLimit, maxInFlight);
        setMaxRequestCount(running);
        setMaxSuspendedRequestCount(maxInFlight - running);
        setMaxSuspend(Duration.ZERO); // a request inside the limit waits for its turn, however long (Jetty: ZERO = no limit)
        excludePath(unlimitedPaths.toArray(String[]::new));
    }

    /** Requests counted against {@code MAX_IN_FLIGHT} now: running or suspended, until their response is complete. */
    int inFlight() {
        return inFlight.get();
    }

    /** Requests answered 503 {@code overloaded} so far. */
    long shed() {
        return shed.sum();
    }

    /** Only the paths this limit applies to get here; the excluded ones go straight to the next handler. */
    @Override
    public boolean onConditionsMet(Request request, Response response, Callback callback) throws Exception {
        if (!counted) {
            return super.onConditionsMet(request, response, callback);
        }
        var inFlightCallback = new InFlight(callback);
        boolean handled = false;
        try {
            handled = super.onConditionsMet(request, response, inFlightCallback);
            return handled;
        } finally {
            if (!handled) {
                inFlightCallback.leave(); // Jetty answers it itself, with the original callback
            }
        }
    }

    @Override
    protected void reject(Request request, Response response, Callback callback, int status) {
        if (callback instanceof InFlight rejected) {
            // Shed at once: writing the 503 (and dropping its body) no longer counts against the limit.
            rejected.leave();
            shed.increment();
        }
        ProblemResponses.send(response, callback, Problem.of(ProblemType.OVERLOADED, ProblemDetails.OVERLOADED));
    }

    /** One request in flight: counted in when created, counted out once, when its response completes or it is shed. */
    private final class InFlight extends Callback.Nested {
        private static final AtomicIntegerFieldUpdater<InFlight> LEFT =
                AtomicIntegerFieldUpdater.newUpdater(InFlight.class, "left");
        private volatile int left;

        InFlight(Callback callback) {
            super(callback);
            inFlight.incrementAndGet();
        }

        void leave() {
            if (LEFT.compareAndSet(this, 0, 1)) {
                inFlight.decrementAndGet();
            }
        }

        @Override
        public void succeeded() {
            leave();
            super.succeeded();
        }

        @Override
        public void failed(Throwable x) {
            leave();
            super.failed(x);
        }
    }
}
