package dev.slowfast.blocking.downstream;

import dev.slowfast.rules.ApiProblem;
import dev.slowfast.rules.QueryRules;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Calling another service: one call, K calls at once, K calls one after another. The request thread blocks for
 * all of it. The calls of a request form a {@link CallGroup}: the first failure answers the request and aborts
 * the others, and so does the client leaving ({@link ClientWatch}), since a thread blocked in a call would not
 * notice that by itself.
 */
public final class DownstreamHandlers {

    /** The answer to a request whose client has gone: nobody reads it, but it must not look like a success. */
    private static final ApiProblem CLIENT_GONE = ApiProblem.downstreamUnavailable();

    private final DownstreamClient client;
    private final FanoutThreads fanoutThreads;
    private final ClientWatch clientWatch;

    public DownstreamHandlers(DownstreamClient client, FanoutThreads fanoutThreads, ClientWatch clientWatch) {
        this.client = client;
        this.fanoutThreads = fanoutThreads;
        this.clientWatch = clientWatch;
    }

    public void slowHttp(Context ctx) throws InterruptedException {
        int ms = (int) QueryRules.MS.parse(ctx.queryParam("ms"));
        var group = new CallGroup();
        try (var watch = clientWatch.watch(ctx, () -> group.fail(CLIENT_GONE))) {
            client.delay(ms, System.nanoTime(), group);
        }
        ctx.json(new SlowMessage(ms));
    }

    /** The calls on {@link FanoutThreads}, all asked for at once; their timeouts start now. */
    public void fanout(Context ctx) throws InterruptedException {
        int calls = (int) QueryRules.CALLS.parse(ctx.queryParam("calls"));
        int ms = (int) QueryRules.MS.parse(ctx.queryParam("ms"));
        var group = new CallGroup();
        long started = System.nanoTime();
        try (var watch = clientWatch.watch(ctx, () -> group.fail(CLIENT_GONE))) {
            List<Future<?>> tasks = new ArrayList<>(calls);
            try {
                for (int i = 0; i < calls; i++) {
                    Future<?> task = fanoutThreads.submit(() -> client.delay(ms, started, group));
                    group.onCancel(() -> fanoutThreads.drop(task));
                    tasks.add(task);
                }
            } catch (ApiProblem refused) {
                group.fail(refused);
            }
            awaitAll(tasks, group);
        }
        group.firstFailure().ifPresent(failure -> {
            throw failure;
        });
        ctx.json(new CallsResult(calls, ms, elapsedMs(started)));
    }

    /** The calls one after another on the request thread; each has its own timeout, the first failure stops it. */
    public void chain(Context ctx) throws InterruptedException {
        int calls = (int) QueryRules.CALLS.parse(ctx.queryParam("calls"));
        int ms = (int) QueryRules.MS.parse(ctx.queryParam("ms"));
        var group = new CallGroup();
        long started = System.nanoTime();
        try (var watch = clientWatch.watch(ctx, () -> group.fail(CLIENT_GONE))) {
            for (int i = 0; i < calls; i++) {
                client.delay(ms, System.nanoTime(), group);
            }
        }
        ctx.json(new CallsResult(calls, ms, elapsedMs(started)));
    }

    /**
     * Waits until every task has finished or was dropped unstarted, so no call of this request outlives it; the
     * first failure has already aborted the others, so after one the rest return at once.
     */
    private static void awaitAll(List<Future<?>> tasks, CallGroup group) throws InterruptedException {
        try {
            for (Future<?> task : tasks) {
                try {
                    task.get();
                } catch (CancellationException dropped) {
                    // taken out of the queue before it started
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof ApiProblem)) { // a bug, not a downstream failure: a 500
                        group.cancel();
                        throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            group.cancel();
            throw e;
        }
    }

    private static long elapsedMs(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }

    record SlowMessage(String message, int ms) {
        SlowMessage(int ms) {
            this("That was slow!", ms);
        }
    }

    record CallsResult(int calls, int ms, long elapsedMs) {
    }
}
