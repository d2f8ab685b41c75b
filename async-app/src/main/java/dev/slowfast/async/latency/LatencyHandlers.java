package dev.slowfast.async.latency;

import dev.slowfast.async.db.Database;
import dev.slowfast.rules.Primes;
import dev.slowfast.rules.QueryRules;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * The seed experiment: {@code /fast} does nothing, {@code /slow} waits on a timer, {@code /slow/db}
 * lets PostgreSQL wait, {@code /cpu} computes on a worker thread. None of them holds the event loop.
 */
public final class LatencyHandlers {

    private final Vertx vertx;
    private final Database database;
    private final CpuPool cpuPool;

    public LatencyHandlers(Vertx vertx, Database database, CpuPool cpuPool) {
        this.vertx = vertx;
        this.database = database;
        this.cpuPool = cpuPool;
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
     * CPU-bound work runs on the bounded worker pool ({@link CpuPool}), dropped if its client
     * has gone before it starts, and the event loop keeps serving meanwhile.
     */
    public Future<JsonObject> cpu(RoutingContext ctx) {
        long n = QueryRules.N.parse(ctx.request().getParam("n"));
        return cpuPool.run(ctx.response(), () -> Primes.isPrime(n))
                .map(prime -> new JsonObject().put("n", n).put("prime", prime));
    }

    private static JsonObject slowMessage(long ms) {
        return new JsonObject().put("message", "That was slow!").put("ms", ms);
    }
}
