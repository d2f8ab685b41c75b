package dev.slowfast.async;

import dev.slowfast.async.db.Schema;
import dev.slowfast.async.latency.CpuPool;
import dev.slowfast.async.metrics.AppMetrics;
import dev.slowfast.async.vertx.GracefulShutdown;
import dev.slowfast.async.vertx.InFlightLimit;
import dev.slowfast.rules.ConfigurationException;
import dev.slowfast.rules.Environment;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * async-app: a Vert.x with {@code EVENT_LOOPS} event loops and one {@link ApiVerticle} deployed on
 * each. {@code java -jar async-app.jar} runs {@link #main}; tests start it in-process from a plain
 * (non-Vert.x) thread: {@code var app = AsyncApp.start(config); app.port(); app.close();}
 */
public final class AsyncApp implements AutoCloseable {

    /** Exit status when the app cannot start (e.g. its port is taken); bad configuration is 2. */
    static final int START_FAILED = 1;

    private final Vertx vertx;
    private final int port;
    private final GracefulShutdown shutdown;
    /** Null with {@code METRICS=off}. */
    private final AppMetrics metrics;

    private AsyncApp(Vertx vertx, int port, GracefulShutdown shutdown, AppMetrics metrics) {
        this.vertx = vertx;
        this.port = port;
        this.shutdown = shutdown;
        this.metrics = metrics;
    }

    /**
     * Configuration from the environment; runs until SIGTERM. Bad configuration: a message and exit
     * status 2; a failed start (the port is taken): a message and exit status 1.
     */
    public static void main(String[] args) {
        // One line per log record instead of java.util.logging's default two (unless set already).
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT %4$s %3$s - %5$s%6$s%n");
        }
        System.Logger log = System.getLogger(AsyncApp.class.getName());

        Config config;
        try {
            config = Config.from(Environment.system());
        } catch (ConfigurationException e) {
            System.err.println("async-app: " + e.getMessage());
            System.exit(ConfigurationException.EXIT_STATUS);
            return;
        }
        AsyncApp app;
        try {
            app = start(config);
        } catch (Exception e) { // e.g. the port is taken: start has closed Vert.x, nothing is left running
            System.err.println("async-app: could not start on port " + config.server().port() + ": " + e);
            System.exit(START_FAILED);
            return;
        }
        // SIGTERM (and SIGINT) run the JVM's shutdown hooks; the JVM exits (143 on SIGTERM) when they
        // return. No log line after close(): java.util.logging resets itself in a hook of its own.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.log(System.Logger.Level.INFO, "async-app shutting down, in-flight requests have up to {0} ms",
                    String.valueOf(config.server().shutdownGrace().toMillis()));
            app.close();
        }, "async-app-shutdown"));
        log.log(System.Logger.Level.INFO, "async-app listening on port {0} with {1} event loops",
                String.valueOf(app.port()), config.eventLoops());
    }

    /** Vert.x settings that follow from the config. */
    public static VertxOptions vertxOptions(Config config) {
        return new VertxOptions().setEventLoopPoolSize(config.eventLoops());
    }

    /** Starts on a Vert.x made from {@link #vertxOptions(Config)}; returns once listening. */
    public static AsyncApp start(Config config) {
        return start(config, Vertx.builder().with(vertxOptions(config)), vertx -> { });
    }

    /**
     * Starts on a Vert.x built from {@code builder} (tests bring stricter options) and takes
     * ownership of it: {@link #close()} closes it. With {@code METRICS=on} the builder gets the
     * app's metrics factory, in place of any it had. {@code created} sees the Vert.x before anything
     * is deployed on it (tests watch its blocked-thread checker). Blocks the calling thread until
     * the app listens.
     */
    public static AsyncApp start(Config config, VertxBuilder builder, Consumer<Vertx> created) {
        String schemaSql = Schema.load(); // before deployment: no event loop reads files
        // One of each for the whole app, whatever the number of verticle instances.
        var inFlightLimit = new InFlightLimit(config.server().maxInFlight());
        // Before Vert.x, which takes its metrics factory when it is built.
        AppMetrics metrics = config.server().metricsOn()
                ? AppMetrics.create(config.server().dbPoolSize(), inFlightLimit) : null;
        if (metrics != null) {
            builder.withMetrics(metrics.vertxMetricsFactory());
        }
        Vertx vertx = builder.build();
        created.accept(vertx);
        // Its queue is bounded by MAX_IN_FLIGHT too: at most that many /cpu tasks wait or run.
        var cpuPool = CpuPool.create(vertx, config.server().maxInFlight());
        var shutdown = new GracefulShutdown(config.server().shutdownGrace());
        List<ApiVerticle> instances = new CopyOnWriteArrayList<>();
        try {
            vertx.deployVerticle(() -> {
                        var verticle = new ApiVerticle(config.server(), schemaSql, inFlightLimit, cpuPool, shutdown, metrics);
                        instances.add(verticle);
                        return verticle;
                    }, new DeploymentOptions().setInstances(config.eventLoops()))
                    .await();
        } catch (Exception e) { // await() rethrows the cause as it is, a BindException too
            vertx.close().await(); // else its event loops would keep the JVM running
            if (metrics != null) {
                metrics.close();
            }
            throw e;
        }
        return new AsyncApp(vertx, instances.getFirst().port(), shutdown, metrics);
    }

    /** The port the app listens on (the chosen one when {@code PORT=0}). */
    public int port() {
        return port;
    }

    public Vertx vertx() {
        return vertx;
    }

    /**
     * Shuts down gracefully and returns when done (see {@link GracefulShutdown#shutDown}); the
     * metrics last, so the requests that finish during the drain are still recorded.
     */
    @Override
    public void close() {
        try {
            shutdown.shutDown(vertx);
        } finally {
            if (metrics != null) {
                metrics.close();
            }
        }
    }
}
