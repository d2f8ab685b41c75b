package dev.slowfast.blocking;

import com.zaxxer.hikari.HikariDataSource;
import dev.slowfast.blocking.contacts.ContactRepository;
import dev.slowfast.blocking.db.ConnectionPool;
import dev.slowfast.blocking.db.Schema;
import dev.slowfast.blocking.jetty.JettySetup;
import dev.slowfast.blocking.web.ContactController;
import dev.slowfast.blocking.web.ErrorMapping;
import dev.slowfast.blocking.web.HealthController;
import dev.slowfast.blocking.web.JsonBody;
import dev.slowfast.blocking.web.LatencyController;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.json.JavalinJackson3;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The slowfast API on a thread per request: Javalin on Jetty, JDBC through HikariCP, every handler
 * plain blocking code. Start it with {@link #start(Config)}, stop it with {@link #close()}.
 */
public final class BlockingApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BlockingApp.class);

    private final Javalin javalin;
    private final HikariDataSource dataSource;
    private final HealthController health;

    private BlockingApp(Javalin javalin, HikariDataSource dataSource, HealthController health) {
        this.javalin = javalin;
        this.dataSource = dataSource;
        this.health = health;
    }

    public static void main(String[] args) {
        Config config;
        try {
            config = Config.fromEnvironment();
        } catch (IllegalArgumentException e) {
            System.err.println("blocking-app: invalid configuration: " + e.getMessage());
            System.exit(2);
            return;
        }
        var app = start(config);
        // SIGTERM (and Ctrl-C) run the hooks: a graceful stop, then the JVM exits by itself with 143.
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "shutdown"));
    }

    public static BlockingApp start(Config config) {
        var dataSource = ConnectionPool.create(config);
        var schema = new Schema(dataSource);
        schema.tryApply();
        var json = JsonMapping.strictMapper();

        var latency = new LatencyController(dataSource);
        var contacts = new ContactController(new ContactRepository(dataSource, schema), new JsonBody(json));
        var health = new HealthController(dataSource, schema);

        var javalin = Javalin.create(javalinConfig -> {
            javalinConfig.startup.showJavalinBanner = false;
            javalinConfig.startup.showOldJavalinVersionWarning = false;
            javalinConfig.startup.startupWatcherEnabled = false;
            javalinConfig.jsonMapper(new JavalinJackson3(json, false));
            javalinConfig.http.maxRequestSize = JsonBody.MAX_BYTES; // beyond it Javalin throws a 413, worded by ErrorMapping
            javalinConfig.http.prefer405over404 = true;             // a known path with the wrong method is a 405
            javalinConfig.router.ignoreTrailingSlashes = false;     // /fast/ is not /fast: the contract knows only the latter
            JettySetup.configure(javalinConfig.jetty, config, json);

            routes(javalinConfig.routes, latency, contacts, health);
            ErrorMapping.register(javalinConfig.routes);
        });
        try {
            javalin.start();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        LOG.info("blocking-app listening on port {} ({})", javalin.port(), describe(config));
        return new BlockingApp(javalin, dataSource, health);
    }

    private static void routes(RoutesConfig routes, LatencyController latency, ContactController contacts,
                               HealthController health) {
        routes.get("/fast", latency::fast);
        routes.get("/slow", latency::slow);
        routes.get("/slow/db", latency::slowDb);
        routes.get("/cpu", latency::cpu);
        routes.post("/contacts", contacts::create);
        routes.get("/contacts", contacts::list);
        routes.get("/contacts/{id}", contacts::get);
        routes.put("/contacts/{id}", contacts::replace);
        routes.delete("/contacts/{id}", contacts::delete);
        routes.get("/health", health::health);
        routes.get("/ready", health::ready);
    }

    private static String describe(Config config) {
        return switch (config.threadModel()) {
            case PLATFORM -> config.workerThreads() + " platform worker threads";
            case VIRTUAL -> "a virtual thread per request";
        } + ", " + config.dbPoolSize() + " database connections, at most " + config.maxInFlight() + " requests in flight";
    }

    public int port() {
        return javalin.port();
    }

    /**
     * Stops gracefully: /ready turns DOWN, the listener closes, requests in flight get up to
     * {@code SHUTDOWN_GRACE_MS} to finish (Jetty's stop timeout), then the connection pool closes.
     */
    @Override
    public void close() {
        // First of all, before any logging or Jetty work: a probe arriving now already hears DOWN.
        health.stopping();
        LOG.info("blocking-app stopping");
        try {
            javalin.stop();
        } catch (RuntimeException e) {
            // Requests still running after the grace period were cut; the pool must close all the same.
            LOG.warn("blocking-app did not stop cleanly: {}", e.getMessage());
        } finally {
            dataSource.close();
        }
        LOG.info("blocking-app stopped");
    }
}
