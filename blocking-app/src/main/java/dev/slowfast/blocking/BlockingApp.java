package dev.slowfast.blocking;

import dev.slowfast.blocking.db.Database;
import dev.slowfast.blocking.downstream.DownstreamClient;
import dev.slowfast.blocking.downstream.FanoutThreads;
import dev.slowfast.blocking.jetty.ClientDisconnects;
import dev.slowfast.blocking.jetty.JettyServer;
import dev.slowfast.blocking.json.StrictJson;
import dev.slowfast.blocking.latency.CpuPool;
import dev.slowfast.blocking.metrics.AppMetrics;
import dev.slowfast.rules.ConfigurationException;
import dev.slowfast.rules.Environment;
import dev.slowfast.rules.QueryRules;
import dev.slowfast.rules.RequestLimits;
import dev.slowfast.rules.ServerSettings;
import io.javalin.Javalin;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The slowfast API on a thread per request: Javalin on Jetty, JDBC through HikariCP, every handler
 * plain blocking code. Start it with {@link #start(Config)}, stop it with {@link #close()}.
 */
public final class BlockingApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BlockingApp.class);

    private final Javalin javalin;
    private final Database database;
    private final CpuPool cpuPool;
    private final Downstream downstream;
    private final JettyServer jetty;
    private final Optional<AppMetrics> metrics;

    private BlockingApp(Javalin javalin, Database database, CpuPool cpuPool, Downstream downstream, JettyServer jetty,
                        Optional<AppMetrics> metrics) {
        this.javalin = javalin;
        this.database = database;
        this.cpuPool = cpuPool;
        this.downstream = downstream;
        this.jetty = jetty;
        this.metrics = metrics;
    }

    public static void main(String[] args) {
        Config config;
        try {
            config = Config.from(Environment.system());
        } catch (ConfigurationException e) {
            System.err.println("blocking-app: invalid configuration: " + e.getMessage());
            System.exit(ConfigurationException.EXIT_STATUS);
            return;
        }
        var app = start(config);
        // SIGTERM (and Ctrl-C) run the hooks: a graceful stop, then the JVM exits by itself with 143.
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "shutdown"));
    }

    public static BlockingApp start(Config config) {
        ServerSettings settings = config.server();
        // METRICS=off: no registry at all, so nothing is measured and /metrics is an unknown path.
        Optional<AppMetrics> metrics = settings.metricsOn() ? Optional.of(AppMetrics.start()) : Optional.empty();
        var database = Database.open(settings.database(), settings.dbPoolSize(), settings.dbAcquireTimeout(),
                metrics.map(AppMetrics::poolTracker).orElse(null));
        metrics.ifPresent(m -> m.bindPool(database.poolStatus(), settings.dbPoolSize()));
        var jetty = new JettyServer(settings.port(), config.threadModel(), config.workerThreads(), settings.maxInFlight(),
                RequestLimits.MAX_TARGET_BYTES, RequestLimits.MAX_HEADER_BYTES, settings.headerTimeout(),
                settings.shutdownGrace(), Routes.PROBES, settings.metricsOn());
        // One thread per core for /cpu; its queue is bounded by MAX_IN_FLIGHT, which bounds the requests waiting on it.
        var cpuPool = new CpuPool(Runtime.getRuntime().availableProcessors(), settings.maxInFlight());
        var downstream = Downstream.open(config);
        try {
            var javalin = Javalin.create(javalinConfig -> {
                javalinConfig.startup.showJavalinBanner = false;
                javalinConfig.startup.showOldJavalinVersionWarning = false;
                javalinConfig.startup.startupWatcherEnabled = false;
                jetty.configure(javalinConfig.jetty);
                Routes.register(javalinConfig, database, cpuPool, downstream.client(), downstream.fanoutThreads(),
                        downstream.disconnects(), jetty::isStopping, metrics);
            }).start();
            // Jetty's connection binder listens on the connectors, which exist only once Javalin has started Jetty.
            metrics.ifPresent(m -> m.bindServer(jetty.load(), javalin.jettyServer().server(), jetty.threadPool()));
            LOG.info("blocking-app listening on port {} ({})", javalin.port(), describe(config));
            return new BlockingApp(javalin, database, cpuPool, downstream, jetty, metrics);
        } catch (RuntimeException e) {
            cpuPool.close();
            downstream.close();
            database.close();
            metrics.ifPresent(AppMetrics::close);
            throw e;
        }
    }

    /** What the downstream calls need, opened and closed together. */
    private record Downstream(DownstreamClient client, FanoutThreads fanoutThreads, ClientDisconnects disconnects)
            implements AutoCloseable {

        static Downstream open(Config config) {
            var settings = config.server().downstream();
            // Every /fanout or /chain is a request in flight, each with at most calls.max calls: nothing more can
            // ever wait for a connection or a fan-out thread at once.
            int mostCalls = Math.multiplyExact(config.server().maxInFlight(), (int) QueryRules.CALLS.max());
            var fanoutThreads = switch (config.threadModel()) {
                case PLATFORM -> FanoutThreads.platform(settings.poolSize(), mostCalls);
                case VIRTUAL -> FanoutThreads.virtual();
            };
            return new Downstream(new DownstreamClient(settings, mostCalls, StrictJson.MAPPER), fanoutThreads,
                    new ClientDisconnects());
        }

        @Override
        public void close() {
            disconnects.close();
            fanoutThreads.close();
            client.close();
        }
    }

    private static String describe(Config config) {
        return switch (config.threadModel()) {
            case PLATFORM -> config.workerThreads() + " platform worker threads";
            case VIRTUAL -> "a virtual thread per request";
        } + ", " + config.server().dbPoolSize() + " database connections, " + config.server().downstream().poolSize()
                + " downstream connections to " + config.server().downstream().url().base() + ", at most " + config.server().maxInFlight()
                + " requests in flight, " + (config.server().metricsOn() ? "metrics on /metrics" : "no metrics");
    }

    public int port() {
        return javalin.port();
    }

    /**
     * Stops gracefully: /ready turns DOWN, the listener closes, requests in flight get up to
     * {@code SHUTDOWN_GRACE_MS} to finish (Jetty's stop timeout), then the downstream client and the database pool close.
     */
    @Override
    public void close() {
        // First of all, before any logging or Jetty work: a probe arriving now already hears DOWN.
        jetty.beginStopping();
        LOG.info("blocking-app stopping");
        try {
            javalin.stop();
        } catch (RuntimeException e) {
            // Requests still running after the grace period were cut; the pool must close all the same.
            LOG.warn("blocking-app did not stop cleanly: {}", e.getMessage());
        } finally {
            cpuPool.close();
            downstream.close();
            database.close();
            metrics.ifPresent(AppMetrics::close);
        }
        LOG.info("blocking-app stopped");
    }
}
