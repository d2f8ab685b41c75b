package dev.slowfast.async;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import java.util.concurrent.TimeUnit;

/**
 * One instance per event loop. Its start is a chain of Futures: database pool, schema, router,
 * listening socket; the deployment succeeds when the chain does. All instances share the pool,
 * the CPU worker pool, the in-flight limit and the listening port, which Vert.x spreads
 * connections over. Its stop is a graceful server shutdown, which Vert.x awaits before it
 * closes the pools.
 */
final class ApiVerticle extends VerticleBase {

    /** Named, so every instance gets the same bounded pool rather than one each. */
    static final String CPU_POOL_NAME = "slowfast-cpu";
    /** One worker per core: more threads would not make trial division any faster. */
    static final int CPU_WORKERS = Runtime.getRuntime().availableProcessors();

    private final Config config;
    private final String schemaSql;
    private final InFlightLimit inFlightLimit;
    private final Lifecycle lifecycle;
    private HttpServer server;

    ApiVerticle(Config config, String schemaSql, InFlightLimit inFlightLimit, Lifecycle lifecycle) {
        this.config = config;
        this.schemaSql = schemaSql;
        this.inFlightLimit = inFlightLimit;
        this.lifecycle = lifecycle;
    }

    @Override
    public Future<?> start() {
        // Both are closed by Vert.x when this verticle is undeployed (shared ones once the last user goes).
        Pool pool = Database.sharedPool(vertx, config);
        WorkerExecutor cpuWorkers = vertx.createSharedWorkerExecutor(CPU_POOL_NAME, CPU_WORKERS);
        Database database = new Database(pool, new Schema(pool, schemaSql));

        return database.prepare()
                .map(schemaTried -> ApiRouter.create(vertx, inFlightLimit,
                        new LatencyHandlers(vertx, database, cpuWorkers),
                        new ContactHandlers(new ContactRepository(database)),
                        new HealthHandlers(database, lifecycle)))
                .compose(this::listen)
                .onSuccess(listening -> server = listening);
    }

    private Future<HttpServer> listen(Router router) {
        HeaderDeadline headerDeadline = new HeaderDeadline(vertx, config.headerTimeoutMs());
        // Port 0 would give every instance a different free port; a negative port asks Vert.x for
        // one free port shared by all instances that use the same negative number.
        int port = config.port() == 0 ? -1 : config.port();
        return vertx.createHttpServer(RequestHeadLimits.serverOptions())
                .connectionHandler(headerDeadline::start)
                .invalidRequestHandler(RequestHeadLimits::rejectInvalid)
                .requestHandler(request -> {
                    headerDeadline.headReceived(request);
                    router.handle(request);
                })
                .listen(port);
    }

    /**
     * Graceful: stop accepting, let in-flight requests finish (at most {@code SHUTDOWN_GRACE_MS},
     * then their connections are cut), close idle connections. {@code close()} alone would cut
     * every request at once.
     */
    @Override
    public Future<?> stop() {
        return server == null ? Future.succeededFuture() : server.shutdown(config.shutdownGraceMs(), TimeUnit.MILLISECONDS);
    }

    /** The port this instance listens on, once started. */
    int actualPort() {
        return server.actualPort();
    }
}
