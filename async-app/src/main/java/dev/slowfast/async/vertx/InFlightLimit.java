package dev.slowfast.async.vertx;

import dev.slowfast.rules.ApiProblem;
import dev.slowfast.rules.ProblemDetails;
import dev.slowfast.rules.ProblemType;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load shedding: at most {@code max} requests are handled at once; the next one is answered at
 * once with 503 {@code overloaded} instead of queueing. A lock-free counter, not a semaphore: an
 * event loop must never wait for a permit. One instance is shared by all verticle instances, so the
 * limit holds for the whole app. {@code /health} and {@code /ready} are never shed: an orchestrator
 * must still see a busy app as alive.
 */
public final class InFlightLimit {

    private static final Set<String> NEVER_SHED = Set.of("/health", "/ready");

    private final int max;
    private final AtomicInteger inFlight = new AtomicInteger();

    public InFlightLimit(int max) {
        this.max = max;
    }

    /** A router handler ahead of every route. */
    public void handle(RoutingContext ctx) {
        if (NEVER_SHED.contains(ctx.normalizedPath())) {
            ctx.next();
            return;
        }
        if (inFlight.incrementAndGet() > max) {
            inFlight.decrementAndGet();
            ctx.fail(ApiProblem.of(ProblemType.OVERLOADED, ProblemDetails.OVERLOADED));
            return;
        }
        // Called once the response is written, or when the connection goes away before that.
        ctx.addEndHandler(done -> inFlight.decrementAndGet());
        ctx.next();
    }
}
