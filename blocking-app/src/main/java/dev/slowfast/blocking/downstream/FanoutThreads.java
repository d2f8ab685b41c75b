package dev.slowfast.blocking.downstream;

import dev.slowfast.rules.ApiProblem;
import dev.slowfast.rules.Problem;
import dev.slowfast.rules.ProblemDetails;
import dev.slowfast.rules.ProblemType;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The threads a {@code /fanout}'s calls block on while its request thread waits for them all.
 *
 * <ul>
 *   <li>platform — the classic {@code run_in_executor}: a pool of at most {@code DOWNSTREAM_POOL_SIZE} threads, as
 *   many as there can be calls on the wire (more would only wait in Jetty's client queue, fewer would cap the
 *   pool). It is Jetty's own {@link QueuedThreadPool}, which hands a call to an idle thread before it starts one
 *   and lets idle threads go after a minute, so the threads follow the calls in flight (a JDK
 *   {@code ThreadPoolExecutor} of that size would start a new thread for each call until all of them exist). Its
 *   queue is bounded by what can ever be asked at once: every fan-out is a request in flight, so at most
 *   {@code MAX_IN_FLIGHT × calls.max} tasks. A request takes its queued tasks back out when it is cancelled and
 *   waits for its running ones, so finished requests leave nothing behind and the bound cannot be reached.</li>
 *   <li>virtual — a new virtual thread per call: nothing to size, a blocked call only parks.</li>
 * </ul>
 */
public final class FanoutThreads implements AutoCloseable {

    private static final int IDLE_THREAD_TIMEOUT_MS = 60_000;

    private final Executor executor;
    private final BlockingQueue<Runnable> queue; // null: nothing ever waits (virtual)
    private final AutoCloseable stop;

    private FanoutThreads(Executor executor, BlockingQueue<Runnable> queue, AutoCloseable stop) {
        this.executor = executor;
        this.queue = queue;
        this.stop = stop;
    }

    public static FanoutThreads platform(int maxThreads, int maxQueued) {
        // Every task passes through the queue, the ones an idle thread takes at once included.
        BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>(maxQueued);
        var pool = new QueuedThreadPool(maxThreads, 0, IDLE_THREAD_TIMEOUT_MS, 0, queue, null);
        pool.setName("fanout");
        pool.setDaemon(true);
        try {
            pool.start();
        } catch (Exception e) {
            throw new IllegalStateException("could not start the fan-out thread pool", e);
        }
        return new FanoutThreads(pool, queue, pool::stop);
    }

    public static FanoutThreads virtual() {
        ExecutorService perCall = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("fanout-", 0).factory());
        return new FanoutThreads(perCall, null, perCall::shutdownNow);
    }

    /** Starts {@code call}; a 503 {@code overloaded} if refused, which the sizing above rules out. */
    Future<?> submit(Call call) {
        var task = new FutureTask<Void>(() -> {
            call.run();
            return null;
        });
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            throw new ApiProblem(Problem.of(ProblemType.OVERLOADED, ProblemDetails.OVERLOADED));
        }
        return task;
    }

    /** Takes {@code task} out of the queue if it has not started (then {@code get()} throws at once). */
    void drop(Future<?> task) {
        if (queue != null && queue.remove(task)) {
            task.cancel(false);
        }
    }

    @Override
    public void close() {
        try {
            stop.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop the fan-out threads", e);
        }
    }

    /** A blocking call. */
    @FunctionalInterface
    interface Call {
        void run() throws InterruptedException;
    }
}
