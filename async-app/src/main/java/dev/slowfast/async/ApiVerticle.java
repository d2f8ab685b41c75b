package dev.slowfast.async;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;

/**
 * One instance per event loop. Its start is a chain of Futures: database pool, schema, router,
 * listening socket; the deployment succeeds when the chain does. All instances share the pool,
 * the CPU worker pool and the listening port, which Vert.x spreads connections over.
 */
final class ApiVerticle extends VerticleBase {

    /** Named, so every instance gets the same bounded pool rather than one each. */
    static final String CPU_POOL_NAME = "slowfast-cpu";
    /** One worker per core: more threads would not make trial division any faster. */
    static final int CPU_WORKERS = Runtime.getRuntime().availableProcessors();

    private final Config config;
    private final String schemaSql;
    private HttpServer server;

    ApiVerticle(Config config, String schemaSql) {
        this.config = config;
        this.schemaSql = schemaSql;
    }

    @Override
    public Future<?> start() {
        // Both are closed by Vert.x when this verticle is undeployed (shared ones once the last user goes).
        Pool pool = Database.sharedPool(vertx, config);
        WorkerExecutor cpuWorkers = vertx.createSharedWorkerExecutor(CPU_POOL_NAME, CPU_WORKERS);
        Database database = new Database(pool, new Schema(pool, schemaSql));

        return database.prepare()
                .map(schemaTried -> ApiRouter.create(vertx,
                        new LatencyHandlers(vertx, database, cpuWorkers),
                        new ContactHandlers(new ContactRepository(database)),
                        new HealthHandlers(database)))
                .compose(this::listen)
                .onSuccess(listening -> server = listening);
    }

    private Future<HttpServer> listen(Router router) {
        // Port 0 would give every instance a different free port; a negative port asks Vert.x for
        // one free port shared by all instances that use the same negative number.
        int port = config.port() == 0 ? -1 : config.port();
        return vertx.createHttpServer().requestHandler(router).listen(port);
    }

    /** The port this instance listens on, once started. */
    int actualPort() {
        return server.actualPort();
    }
}
