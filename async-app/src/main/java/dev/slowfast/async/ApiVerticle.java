package dev.slowfast.async;

import dev.slowfast.async.db.Database;
import dev.slowfast.async.downstream.DownstreamClient;
import dev.slowfast.async.latency.CpuPool;
import dev.slowfast.async.metrics.AppMetrics;
import dev.slowfast.async.vertx.GracefulShutdown;
import dev.slowfast.async.vertx.InFlightLimit;
import dev.slowfast.async.vertx.RequestHeadLimits;
import dev.slowfast.async.vertx.VertxServer;
import dev.slowfast.rules.RequestLimits;
import dev.slowfast.rules.ServerSettings;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;

/**
 * One instance per event loop. Its start is a chain of Futures: database, schema, routes, listening
 * server; the deployment succeeds when the chain does. All instances share the pool, the downstream
 * client, the CPU worker pool, the in-flight limit and the listening port, which Vert.x spreads connections over. Its stop
 * drains the server, which Vert.x awaits before it closes the pools.
 *
 * <p>It sits in the root package, beside {@link AsyncApp}, because it wires {@link Routes} and
 * {@code db} to the edge: in {@code vertx/} it would import upwards.
 */
final class ApiVerticle extends VerticleBase {

    /** The contract's request head: a longer target is a 414, more header bytes a 431. */
    static final RequestHeadLimits HEAD_LIMITS =
            new RequestHeadLimits(RequestLimits.MAX_TARGET_BYTES, RequestLimits.MAX_HEADER_BYTES);

    private final ServerSettings settings;
    private final String schemaSql;
    private final InFlightLimit inFlightLimit;
    private final CpuPool cpuPool;
    private final GracefulShutdown shutdown;
    /** Null with {@code METRICS=off}. */
    private final AppMetrics metrics;
    private HttpServer server;

    ApiVerticle(ServerSettings settings, String schemaSql, InFlightLimit inFlightLimit, CpuPool cpuPool,
                GracefulShutdown shutdown, AppMetrics metrics) {
        this.settings = settings;
        this.schemaSql = schemaSql;
        this.inFlightLimit = inFlightLimit;
        this.cpuPool = cpuPool;
        this.shutdown = shutdown;
        this.metrics = metrics;
    }

    @Override
    public Future<?> start() {
        // Closed by Vert.x when this verticle is undeployed (shared, so once the last user goes).
        Database database = Database.shared(vertx, settings.database(), settings.dbPoolSize(), settings.dbAcquireTimeout(), schemaSql);
        // The same for every instance: one downstream pool for the app, closed like the database pool.
        DownstreamClient downstream = DownstreamClient.shared(vertx, settings.downstream());
        if (metrics != null) {
            metrics.bindPool(database::openConnections);
            metrics.watchEventLoop(vertx); // this instance's event loop: one instance runs on each
        }
        return database.prepare()
                .map(schemaTried -> Routes.create(vertx, database, downstream, cpuPool, inFlightLimit, shutdown, metrics))
                .compose(router -> VertxServer.listen(vertx, router, settings.port(), HEAD_LIMITS, settings.headerTimeout()))
                .onSuccess(listening -> server = listening);
    }

    @Override
    public Future<?> stop() {
        return server == null ? Future.succeededFuture() : shutdown.drain(server);
    }

    /** The port this instance listens on, once started. */
    int port() {
        return server.actualPort();
    }
}
