package dev.slowfast.async.latency;

import dev.slowfast.rules.ApiProblem;
import dev.slowfast.rules.ProblemDetails;
import dev.slowfast.rules.ProblemType;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpServerResponse;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where {@code /cpu} work runs: a Vert.x worker pool (one thread per core: more would not make trial
 * division faster), behind a queue of at most {@code maxQueued} tasks, waiting or running. Vert.x's
 * own worker queue is unbounded and cannot cancel a task, and a client that goes away gives its
 * in-flight slot back at once while its task stays queued; so the queue is counted here, and each
 * task first asks whether its response is still wanted: work whose client has gone is dropped, not
 * computed, and a new request waits only for the work already running. One instance for the app.
 */
public final class CpuPool {

    private static final String POOL_NAME = "slowfast-cpu";
    /** Fails a dropped task; its response is closed, so nobody ever reads it (and it is not logged). */
    private static final ApiProblem CLIENT_GONE =
            ApiProblem.of(ProblemType.OVERLOADED, "The client went away before its work started.");

    private final WorkerExecutor pool;
    private final int maxQueued;
    private final AtomicInteger queued = new AtomicInteger();

    private CpuPool(WorkerExecutor pool, int maxQueued) {
        this.pool = pool;
        this.maxQueued = maxQueued;
    }

    /** A pool of one thread per core, closed when Vert.x closes. */
    public static CpuPool create(Vertx vertx, int maxQueued) {
        int threads = Runtime.getRuntime().availableProcessors();
        return new CpuPool(vertx.createSharedWorkerExecutor(POOL_NAME, threads), maxQueued);
    }

    /** Runs {@code work} on the pool for {@code response}; a full queue is 503 {@code overloaded}. */
    public <T> Future<T> run(HttpServerResponse response, Callable<T> work) {
        if (queued.incrementAndGet() > maxQueued) {
            queued.decrementAndGet();
            return Future.failedFuture(ApiProblem.of(ProblemType.OVERLOADED, ProblemDetails.OVERLOADED));
        }
        // Unordered: tasks from one event loop do not wait for each other, only for a free thread.
        return pool.executeBlocking(() -> {
            try {
                if (response.closed()) { // thread-safe: Vert.x reads it under the connection's lock
                    throw CLIENT_GONE;
                }
                return work.call();
            } finally {
                queued.decrementAndGet();
            }
        }, false);
    }
}
