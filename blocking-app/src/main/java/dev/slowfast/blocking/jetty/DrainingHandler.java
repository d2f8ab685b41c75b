package dev.slowfast.blocking.jetty;

import java.util.Set;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's {@link GracefulHandler}: while the server stops, it counts the requests in flight so the stop waits
 * for them (up to the server's stop timeout), and refuses new ones on connections still open with a 503.
 * The probes still pass, so {@code /ready} can say {@code DOWN} itself to whoever is watching.
 */
final class DrainingHandler extends GracefulHandler {

    private final Set<String> probes;

    DrainingHandler(String... probes) {
        this.probes = Set.of(probes);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (isShutdown() && probes.contains(Request.getPathInContext(request))) {
            return getHandler().handle(request, response, callback);
        }
        return super.handle(request, response, callback);
    }
}
