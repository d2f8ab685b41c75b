package dev.slowfast.blocking.jetty;

import io.javalin.config.JettyConfig;
import java.time.Duration;
import java.util.Set;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Everything the app sets on Jetty below Javalin: threads, the one connector, limits on the request head,
 * the header deadline, load shedding, graceful stop and the wording of Jetty's own errors.
 */
public final class JettyServer {

    private final int port;
    private final ThreadModel threadModel;
    private final int workerThreads;
    private final int maxInFlight;
    private final int maxTargetBytes;
    private final int maxHeaderBytes;
    private final Duration headerTimeout;
    private final Duration shutdownGrace;
    private final Set<String> probes;
    private final GracefulShutdown graceful;

    /**
     * A request target over {@code maxTargetBytes} is a 414, header fields over {@code maxHeaderBytes} a 431;
     * {@code probes} are never shed and still answered while the server drains.
     */
    public JettyServer(int port, ThreadModel threadModel, int workerThreads, int maxInFlight, int maxTargetBytes,
                       int maxHeaderBytes, Duration headerTimeout, Duration shutdownGrace, Set<String> probes) {
        this.port = port;
        this.threadModel = threadModel;
        this.workerThreads = workerThreads;
        this.maxInFlight = maxInFlight;
        this.maxTargetBytes = maxTargetBytes;
        this.maxHeaderBytes = maxHeaderBytes;
        this.headerTimeout = headerTimeout;
        this.shutdownGrace = shutdownGrace;
        this.probes = probes;
        this.graceful = new GracefulShutdown(probes);
    }

    public void configure(JettyConfig jetty) {
        var headLimits = new RequestHeadLimits(maxTargetBytes, maxHeaderBytes);
        jetty.threadPool = RequestThreads.pool(threadModel, workerThreads);
        jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(headLimits.parserBudget()));
        jetty.addConnector((server, http) -> {
            var connector = new ServerConnector(server, RequestThreads.ACCEPTORS, RequestThreads.SELECTORS,
                    new HttpConnectionFactory(http));
            connector.setPort(port);
            connector.addEventListener(new HeaderTimeout(connector.getScheduler(), headerTimeout));
            return connector;
        });
        jetty.modifyServer(server -> {
            server.setErrorHandler(new FrameworkErrors());
            // Server.stop() first waits this long for GracefulHandler's requests in flight, then closes connections.
            server.setStopTimeout(shutdownGrace.toMillis());
            // Each insert wraps what is there (Javalin's StatisticsHandler; Javalin adds its servlet innermost),
            // so the last one inserted sees a request first: head limits, then draining, then shedding.
            server.insertHandler(new InFlightLimit(maxInFlight, probes));
            server.insertHandler(graceful);
            server.insertHandler(headLimits);
        });
    }

    /** Readiness turns DOWN from now on; call it before stopping the server. */
    public void beginStopping() {
        graceful.announceStop();
    }

    /** True once {@link #beginStopping()} was called or the server started its graceful shutdown. */
    public boolean isStopping() {
        return graceful.stopAnnounced();
    }
}
