package dev.slowfast.blocking.jetty;

import dev.slowfast.blocking.web.ProblemType;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.Callback;

/**
 * At most {@code MAX_IN_FLIGHT} requests at once; the next one is answered at once with 503
 * {@code overloaded} and {@code Retry-After: 1}. This is Jetty's {@link QoSHandler} with its queue turned off:
 * a permit is taken when the request is routed and given back when its response is complete.
 */
final class LoadShedding extends QoSHandler {

    private final ProblemWriter problems;

    LoadShedding(int maxInFlight, ProblemWriter problems, String... unlimitedPaths) {
        this.problems = problems;
        setMaxRequestCount(maxInFlight);
        setMaxSuspendedRequestCount(0); // shed, never park: a parked request would only wait longer to fail
        excludePath(unlimitedPaths);
    }

    @Override
    protected void reject(Request request, Response response, Callback callback, int status) {
        problems.write(response, callback, ProblemType.OVERLOADED,
                "The server is handling as many requests as it can; try again shortly.");
    }
}
