package dev.slowfast.blocking.jetty;

import java.util.Set;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's {@link GracefulHandler}: while the server stops, it counts the requests in flight so the stop waits
 * for them (up to the server's stop timeout), and refuses new ones on connections still open with a 503.
 * The probes still pass, so {@code /ready} can say {@code DOWN} itself: {@link #stopAnnounced()} turns true
 * at {@link #announceStop()}, before Jetty's own shutdown starts.
 */
final class GracefulShutdown extends GracefulHandler {

    private final Set<String> probes;
    private volatile boolean stopping;

    GracefulShutdown(Set<String> probes) {
        this.probes = Set.copyOf(probes);
    }

    void announceStop() {
        stopping = true;
    }

    boolean stopAnnounced() {
        return stopping || isShutdown();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (isShutdown() && probes.contains(Request.getPathInContext(request))) {
            return getHandler().handle(request, response, callback);
        }
        return super.handle(request, response, callback);
    }
}
