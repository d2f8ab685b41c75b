package dev.slowfast.blocking.jetty;

import dev.slowfast.rules.MetricNames;
import io.javalin.config.JettyConfig;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Everything the app sets on Jetty below Javalin: threads, the one connector, limits on the request head,
 * the header deadline, load shedding, graceful stop and the wording of Jetty's own errors.
 */
public final class JettyServer {

    /**
     * The listen backlog. The JDK's default of 50 overflows when a burst of clients connects at once: Linux drops
     * the SYNs beyond it and the clients retry a second later, while those already accepted wait for them and
     * meet their header deadline. Connections are cheap here (a selector, no thread), requests are what is limited.
     */
    private static final int ACCEPT_QUEUE_SIZE = 1024;

    private final int port;
    private final ThreadModel threadModel;
    private final int maxTargetBytes;
    private final int maxHeaderBytes;
    private final Duration headerTimeout;
    private final Duration shutdownGrace;
    private final GracefulShutdown graceful;
    private final QueuedThreadPool threadPool;
    private final InFlightLimit inFlightLimit;
    private final RequestLoad load;

    /**
     * A request target over {@code maxTargetBytes} is a 414, header fields over {@code maxHeaderBytes} a 431;
     * {@code probes} are never shed and still answered while the server drains. With {@code metrics},
     * {@code /metrics} is never shed either (but refused while draining, like any request) and the requests in
     * flight are counted for {@link #load()}.
     */
    public JettyServer(int port, ThreadModel threadModel, int workerThreads, int maxInFlight, int maxTargetBytes,
                       int maxHeaderBytes, Duration headerTimeout, Duration shutdownGrace, Set<String> probes,
                       boolean metrics) {
        this.port = port;
        this.threadModel = threadModel;
        this.maxTargetBytes = maxTargetBytes;
        this.maxHeaderBytes = maxHeaderBytes;
        this.headerTimeout = headerTimeout;
        this.shutdownGrace = shutdownGrace;
        this.graceful = new GracefulShutdown(probes);
        this.threadPool = RequestThreads.pool(threadModel, workerThreads);
        var neverShed = new HashSet<>(probes);
        if (metrics) {
            neverShed.add(MetricNames.PATH);
        }
        this.inFlightLimit = new InFlightLimit(maxInFlight, RequestThreads.handlerLimit(threadModel, workerThreads,
                maxInFlight), neverShed, metrics);
        this.load = new RequestLoad() {
            @Override
            public int inFlight() {
                return inFlightLimit.inFlight();
            }

            @Override
            public long shed() {
                return inFlightLimit.shed();
            }

            @Override
            public int waitingForThread() {
                return RequestThreads.waitingForThread(threadModel, inFlightLimit, threadPool);
            }
        };
    }

    public void configure(JettyConfig jetty) {
        var headLimits = new RequestHeadLimits(maxTargetBytes, maxHeaderBytes);
        var headerDeadlines = new HeaderTimeout(headerTimeout);
        jetty.threadPool = threadPool;
        jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(headLimits.parserBudget()));
        jetty.addConnector((server, http) -> {
            var connector = new ServerConnector(server, RequestThreads.ACCEPTORS, RequestThreads.SELECTORS,
                    new HttpConnectionFactory(http));
            connector.setPort(port);
            connector.setAcceptQueueSize(ACCEPT_QUEUE_SIZE);
            // Jetty cuts every connection's idle timeout to this (1 s by default) when it stops, so a request in
            // flight whose body was still arriving got a 408; keep it as it was: requests in flight finish as they
            // would have, the stop timeout bounds the drain, and idle connections meet their header deadline.
            connector.setShutdownIdleTimeout(connector.getIdleTimeout());
            connector.addEventListener(headerDeadlines);
            return connector;
        });
        jetty.modifyServer(server -> {
            server.setErrorHandler(new FrameworkErrors());
            // Server.stop() first waits this long for GracefulHandler's requests in flight, then closes connections.
            server.setStopTimeout(shutdownGrace.toMillis());
            // Each insert wraps what is there (Javalin's StatisticsHandler; Javalin adds its servlet innermost),
            // so the last one inserted sees a request first: the next head's deadline, unread bodies (around every
            // answer, the refusals below included), head limits, then draining, then shedding.
            server.insertHandler(inFlightLimit);
            server.insertHandler(graceful);
            server.insertHandler(headLimits);
            server.insertHandler(new UnreadBodies());
            server.insertHandler(headerDeadlines);
        });
    }

    /** What the edge counts about the requests it admits (in flight and shed only with {@code metrics}). */
    public RequestLoad load() {
        return load;
    }

    /** The server's thread pool, the connector's acceptor and selector included (see {@link RequestThreads}). */
    public QueuedThreadPool threadPool() {
        return threadPool;
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
