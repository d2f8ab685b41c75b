package dev.slowfast.async.vertx;

import dev.slowfast.async.problems.ProblemResponses;
import dev.slowfast.rules.MetricNames;
import dev.slowfast.rules.Problem;
import dev.slowfast.rules.ProblemDetails;
import dev.slowfast.rules.ProblemType;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Load shedding: at most {@code max} requests are handled at once; the next one is answered at
 * once with 503 {@code overloaded} instead of queueing. A lock-free counter, not a semaphore: an
 * event loop must never wait for a permit. One instance is shared by all verticle instances, so the
 * limit holds for the whole app. {@code /health}, {@code /ready} and {@code /metrics} are never shed:
 * an orchestrator must still see a busy app as alive, and a scraper see why it is busy.
 *
 * <p>The contract gives a shed answer 200 ms (p99) at ten times the limit, on a busy machine, so it
 * costs as little as it can: the router's first route (before path checks, method matching and body
 * handling), one pre-rendered body and pre-encoded headers, no error handler, no log line. Not
 * earlier, in the HttpServer's request handler: the slot comes back through
 * {@code RoutingContext.addEndHandler}, the one end hook Vert.x Web does not take over from us, and
 * measured, shedding there was no faster.
 *
 * <p>It keeps its own two numbers, {@link #inFlight()} and {@link #shed()}, for the metrics to read
 * when scraped: the edge knows nothing of Micrometer, and a shed costs one {@code LongAdder} add.
 */
public final class InFlightLimit {

    /** Route order for {@link #handle}: ahead of every other route, so a shed request costs nothing else. */
    public static final int ORDER = Integer.MIN_VALUE;

    private static final Set<String> NEVER_SHED = Set.of("/health", "/ready", MetricNames.PATH);
    private static final Problem OVERLOADED = Problem.of(ProblemType.OVERLOADED, ProblemDetails.OVERLOADED);
    private static final Buffer OVERLOADED_BODY = ProblemResponses.body(OVERLOADED);
    private static final CharSequence PROBLEM_JSON = HttpHeaders.createOptimized(ProblemResponses.PROBLEM_JSON);
    private static final CharSequence RETRY_AFTER =
            HttpHeaders.createOptimized(Integer.toString(ProblemType.OVERLOADED.retryAfterSeconds()));

    private final int max;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final LongAdder shed = new LongAdder();

    public InFlightLimit(int max) {
        this.max = max;
    }

    /** A router handler, registered as the first route of all (see {@link #ORDER}). */
    public void handle(RoutingContext ctx) {
        if (NEVER_SHED.contains(ctx.normalizedPath())) {
            ctx.next();
            return;
        }
        if (inFlight.incrementAndGet() > max) {
            inFlight.decrementAndGet();
            shed.increment();
            ctx.response().setStatusCode(OVERLOADED.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, PROBLEM_JSON)
                    .putHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER)
                    .end(OVERLOADED_BODY);
            return;
        }
        // Called once the response is written, or when the connection goes away before that.
        ctx.addEndHandler(done -> inFlight.decrementAndGet());
        ctx.next();
    }

    /** Requests counted against the limit right now. */
    public int inFlight() {
        return inFlight.get();
    }

    /** Requests answered 503 {@code overloaded} so far. */
    public long shed() {
        return shed.sum();
    }
}
