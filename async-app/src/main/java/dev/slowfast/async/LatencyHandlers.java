package dev.slowfast.async;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Tuple;

/**
 * The seed experiment: {@code /fast} does nothing, {@code /slow} waits on a timer, {@code /slow/db}
 * lets PostgreSQL wait, {@code /cpu} computes on a worker thread. None of them holds the event loop.
 */
final class LatencyHandlers {

    static final long MAX_WAIT_MS = 60_000;
    static final long DEFAULT_WAIT_MS = 1_000;
    static final long MIN_N = 2;
    static final long MAX_N = 1_000_000_000_000_000L;
    static final long DEFAULT_N = 112_272_535_095_293L;

    private final Vertx vertx;
    private final Database database;
    private final WorkerExecutor cpuWorkers;

    LatencyHandlers(Vertx vertx, Database database, WorkerExecutor cpuWorkers) {
        this.vertx = vertx;
        this.database = database;
        this.cpuWorkers = cpuWorkers;
    }

    Future<JsonObject> fast(RoutingContext ctx) {
        return Future.succeededFuture(new JsonObject().put("message", "That was fast!"));
    }

    /** The event loop's natural wait: a timer fires later, nothing waits in between. */
    Future<JsonObject> slow(RoutingContext ctx) {
        long ms = waitParam(ctx);
        // Vert.x timers need a delay of at least 1 ms.
        Future<Void> waited = ms == 0 ? Future.succeededFuture() : vertx.timer(ms);
        return waited.map(fired -> slowMessage(ms));
    }

    /** The wait happens inside PostgreSQL; the event loop only sends the query and gets the answer. */
    Future<JsonObject> slowDb(RoutingContext ctx) {
        long ms = waitParam(ctx);
        return database.query("SELECT pg_sleep($1)", Tuple.of(ms / 1000.0)).map(rows -> slowMessage(ms));
    }

    /**
     * CPU-bound work runs on the bounded worker pool, unordered so requests from one event loop
     * do not queue behind each other, and the event loop keeps serving meanwhile.
     */
    Future<JsonObject> cpu(RoutingContext ctx) {
        long n = QueryParams.integer(ctx, "n", MIN_N, MAX_N, DEFAULT_N);
        return cpuWorkers.executeBlocking(() -> Primes.isPrime(n), false)
                .map(prime -> new JsonObject().put("n", n).put("prime", prime));
    }

    private static long waitParam(RoutingContext ctx) {
        return QueryParams.integer(ctx, "ms", 0, MAX_WAIT_MS, DEFAULT_WAIT_MS);
    }

    private static JsonObject slowMessage(long ms) {
        return new JsonObject().put("message", "That was slow!").put("ms", ms);
    }
}
