package dev.slowfast.async.latency;

import dev.slowfast.async.db.Database;
import dev.slowfast.rules.Primes;
import dev.slowfast.rules.QueryRules;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * The seed experiment: {@code /fast} does nothing, {@code /slow} waits on a timer, {@code /slow/db}
 * lets PostgreSQL wait, {@code /cpu} computes on a worker thread. None of them holds the event loop.
 */
public final class LatencyHandlers {

    private final Vertx vertx;
    private final Database database;
    private final WorkerExecutor cpuWorkers;

    public LatencyHandlers(Vertx vertx, Database database, WorkerExecutor cpuWorkers) {
        this.vertx = vertx;
        this.database = database;
        this.cpuWorkers = cpuWorkers;
    }

    public Future<JsonObject> fast(RoutingContext ctx) {
        return Future.succeededFuture(new JsonObject().put("message", "That was fast!"));
    }

    /** The event loop's natural wait: a timer fires later, nothing waits in between. */
    public Future<JsonObject> slow(RoutingContext ctx) {
        long ms = QueryRules.MS.parse(ctx.request().getParam("ms"));
        // Vert.x timers need a delay of at least 1 ms.
        Future<Void> waited = ms == 0 ? Future.succeededFuture() : vertx.timer(ms);
        return waited.map(fired -> slowMessage(ms));
    }

    /** The wait happens inside PostgreSQL; the event loop only sends the query and gets the answer. */
    public Future<JsonObject> slowDb(RoutingContext ctx) {
        long ms = QueryRules.MS.parse(ctx.request().getParam("ms"));
        return database.sleep(ms).map(slept -> slowMessage(ms));
    }

    /**
     * CPU-bound work runs on the bounded worker pool, unordered so requests from one event loop
     * do not queue behind each other, and the event loop keeps serving meanwhile.
     */
    public Future<JsonObject> cpu(RoutingContext ctx) {
        long n = QueryRules.N.parse(ctx.request().getParam("n"));
        return cpuWorkers.executeBlocking(() -> Primes.isPrime(n), false)
                .map(prime -> new JsonObject().put("n", n).put("prime", prime));
    }

    private static JsonObject slowMessage(long ms) {
        return new JsonObject().put("message", "That was slow!").put("ms", ms);
    }
}
