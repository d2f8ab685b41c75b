package dev.slowfast.blocking.jetty;

import dev.slowfast.blocking.problems.ProblemResponses;
import dev.slowfast.rules.Problem;
import dev.slowfast.rules.ProblemDetails;
import dev.slowfast.rules.ProblemType;
import java.time.Duration;
import java.util.Set;
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
 */
final class InFlightLimit extends QoSHandler {

    InFlightLimit(int maxInFlight, int handlerLimit, Set<String> unlimitedPaths) {
        int running = Math.min(handlerLimit, maxInFlight);
        setMaxRequestCount(running);
        setMaxSuspendedRequestCount(maxInFlight - running);
        setMaxSuspend(Duration.ZERO); // a request inside the limit waits for its turn, however long (Jetty: ZERO = no limit)
        excludePath(unlimitedPaths.toArray(String[]::new));
    }

    @Override
    protected void reject(Request request, Response response, Callback callback, int status) {
        ProblemResponses.send(response, callback, Problem.of(ProblemType.OVERLOADED, ProblemDetails.OVERLOADED));
    }
}
