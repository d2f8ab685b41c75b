package dev.slowfast.blocking.jetty;

import dev.slowfast.blocking.problems.ProblemResponses;
import dev.slowfast.rules.Problem;
import dev.slowfast.rules.ProblemDetails;
import dev.slowfast.rules.ProblemType;
import java.util.Set;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.Callback;

/**
 * At most {@code maxInFlight} requests at once; the next one is answered at once with 503 {@code overloaded} and
 * {@code Retry-After: 1}. This is Jetty's {@link QoSHandler} with its queue turned off: a permit is taken when
 * the request is routed and given back when its response is complete.
 */
final class InFlightLimit extends QoSHandler {

    InFlightLimit(int maxInFlight, Set<String> unlimitedPaths) {
        setMaxRequestCount(maxInFlight);
        setMaxSuspendedRequestCount(0); // shed, never park: a parked request would only wait longer to fail
        excludePath(unlimitedPaths.toArray(String[]::new));
    }

    @Override
    protected void reject(Request request, Response response, Callback callback, int status) {
        ProblemResponses.send(response, callback, Problem.of(ProblemType.OVERLOADED, ProblemDetails.OVERLOADED));
    }
}
