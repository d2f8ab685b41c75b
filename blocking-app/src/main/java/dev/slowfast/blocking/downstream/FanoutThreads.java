package dev.slowfast.blocking.downstream;

import dev.slowfast.rules.ApiProblem;
import dev.slowfast.rules.Problem;
import dev.slowfast.rules.ProblemDetails;
import dev.slowfast.rules.ProblemType;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The threads a {@code /fanout}'s calls block on while its request thread waits for them all.
 *
 * <ul>
 *   <li>platform — the classic {@code run_in_executor}: a fixed pool of {@code DOWNSTREAM_POOL_SIZE} threads, as
 *   many as there can be calls on the wire (more would only wait in Jetty's queue, fewer would cap the pool), and
 *   a queue bounded by what can ever be asked at once: every fan-out is a request in flight, so at most
 *   {@code MAX_IN_FLIGHT × calls.max} tasks. A request takes its queued tasks back out when it is cancelled and
 *   waits for its running ones, so finished requests leave nothing behind and the bound cannot be reached.</li>
 *   <li>virtual — a new virtual thread per call: nothing to size, a blocked call only parks.</li>
 * </ul>
 */
public final class FanoutThreads implements AutoCloseable {

    private static final long IDLE_THREAD_KEEP_ALIVE_S = 60;

    private final ExecutorService executor;

    private FanoutThreads(ExecutorService executor) {
        this.executor = executor;
    }

    public static FanoutThreads platform(int threads, int maxQueued) {
        var pool = new ThreadPoolExecutor(threads, threads, IDLE_THREAD_KEEP_ALIVE_S, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(maxQueued), Thread.ofPlatform().name("fanout-", 0).daemon().factory());
        pool.allowCoreThreadTimeOut(true); // no idle threads held between bursts
        return new FanoutThreads(pool);
    }

    public static FanoutThreads virtual() {
        return new FanoutThreads(Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("fanout-", 0).factory()));
    }

    /** Starts {@code call}; a 503 {@code overloaded} if refused, which the sizing above rules out. */
    Future<?> submit(Call call) {
        try {
            return executor.submit(() -> {
                call.run();
                return null;
            });
        } catch (RejectedExecutionException e) {
            throw new ApiProblem(Problem.of(ProblemType.OVERLOADED, ProblemDetails.OVERLOADED));
        }
    }

    /** Takes {@code task} out of the queue if it has not started (then {@code get()} throws at once). */
    void drop(Future<?> task) {
        if (executor instanceof ThreadPoolExecutor pool && pool.remove((Runnable) task)) {
            task.cancel(false);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    /** A blocking call. */
    @FunctionalInterface
    interface Call {
        void run() throws InterruptedException;
    }
}
