package dev.slowfast.blocking.jetty;

import dev.slowfast.blocking.Config;
import io.javalin.config.JettyConfig;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import tools.jackson.databind.ObjectMapper;

/**
 * Everything the app sets on Jetty below Javalin: threads, the one connector, limits on the request head,
 * load shedding, graceful stop and the wording of Jetty's own errors.
 */
public final class JettySetup {

    /** Liveness and readiness probes are never shed, and still answer while the server drains. */
    private static final String[] PROBES = {"/health", "/ready"};

    private JettySetup() {
    }

    public static void configure(JettyConfig jetty, Config config, ObjectMapper json) {
        var problems = new ProblemWriter(json);
        jetty.threadPool = RequestThreads.pool(config);
        jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(RequestHeadLimits.PARSER_BUDGET));
        jetty.addConnector((server, http) -> {
            var connector = new ServerConnector(server, RequestThreads.ACCEPTORS, RequestThreads.SELECTORS,
                    new HttpConnectionFactory(http));
            connector.setPort(config.port());
            connector.addEventListener(new HeaderTimeout(connector.getScheduler(), config.headerTimeout()));
            return connector;
        });
        jetty.modifyServer(server -> {
            server.setErrorHandler(new JettyErrorHandler(problems));
            // Server.stop() first waits this long for GracefulHandler's requests in flight, then closes connections.
            server.setStopTimeout(config.shutdownGrace().toMillis());
            // Each insert wraps what is there (Javalin's StatisticsHandler; Javalin adds its servlet innermost),
            // so the last one inserted sees a request first: head limits, then draining, then shedding.
            server.insertHandler(new LoadShedding(config.maxInFlight(), problems, PROBES));
            server.insertHandler(new DrainingHandler(PROBES));
            server.insertHandler(new RequestHeadLimits(problems));
        });
    }
}
