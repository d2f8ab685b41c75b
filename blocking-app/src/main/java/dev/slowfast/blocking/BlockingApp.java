package dev.slowfast.blocking;

import com.zaxxer.hikari.HikariDataSource;
import dev.slowfast.blocking.contacts.ContactRepository;
import dev.slowfast.blocking.db.ConnectionPool;
import dev.slowfast.blocking.db.Schema;
import dev.slowfast.blocking.web.ContactController;
import dev.slowfast.blocking.web.ErrorMapping;
import dev.slowfast.blocking.web.HealthController;
import dev.slowfast.blocking.web.JettyErrorHandler;
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

    private BlockingApp(Javalin javalin, HikariDataSource dataSource) {
        this.javalin = javalin;
        this.dataSource = dataSource;
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
            RequestThreads.configure(javalinConfig.jetty, config);
            var jettyErrors = new JettyErrorHandler(json);
            javalinConfig.jetty.modifyServer(server -> server.setErrorHandler(jettyErrors));

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
        return new BlockingApp(javalin, dataSource);
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
        } + ", " + config.dbPoolSize() + " database connections";
    }

    public int port() {
        return javalin.port();
    }

    @Override
    public void close() {
        javalin.stop();
        dataSource.close();
    }
}
