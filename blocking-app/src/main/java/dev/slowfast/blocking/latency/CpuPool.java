package dev.slowfast.blocking.latency;

import dev.slowfast.rules.ApiProblem;
import dev.slowfast.rules.Problem;
import dev.slowfast.rules.ProblemDetails;
import dev.slowfast.rules.ProblemType;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * CPU-bound work off the request threads, the classic {@code run_in_executor} advice: a fixed pool of one platform
 * thread per core and a bounded queue ({@code MAX_IN_FLIGHT}, which already bounds the requests that can wait on
 * it). The request thread waits for the result; a virtual one unmounts meanwhile, so CPU work never holds every
 * carrier thread and the rest of the app keeps running. Work whose client has gone by the time it would start is
 * dropped, not computed for nobody.
 */
public final class CpuPool implements AutoCloseable {

    private final ThreadPoolExecutor executor;

    public CpuPool(int threads, int maxQueued) {
        executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(maxQueued),
                Thread.ofPlatform().name("cpu-", 0).daemon().factory());
    }

    /** {@code work}'s result; a 503 {@code overloaded} if the queue is full or the client went away before it started. */
    <T> T compute(Supplier<T> work, BooleanSupplier clientGone) throws InterruptedException {
        Future<T> result;
        try {
            result = executor.submit(() -> {
                if (clientGone.getAsBoolean()) {
                    throw new CancellationException("the client has gone");
                }
                return work.get();
            });
        } catch (RejectedExecutionException e) {
            throw overloaded();
        }
        try {
            return result.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CancellationException) {
                throw overloaded(); // nobody is there to read it
            }
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            result.cancel(false);
            throw e;
        }
    }

    private static ApiProblem overloaded() {
        return new ApiProblem(Problem.of(ProblemType.OVERLOADED, ProblemDetails.OVERLOADED));
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
