package dev.slowfast.async.metrics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The probe sees a loop that is held up, and runs again after it, on the loop it watches. */
class EventLoopDelayTest {

    private static final Duration INTERVAL = Duration.ofMillis(20);
    private static final long HOLD_MILLIS = 300;

    // A Vert.x of its own, not watched by FailOnBlockedThread: this test holds a loop on purpose.
    private final Vertx vertx = Vertx.vertx();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @AfterEach
    void close() {
        vertx.close().await();
        registry.close();
    }

    @Test
    void aHeldLoopShowsAsOneLateProbeAndTheProbeGoesOn() throws Exception {
        var delay = new EventLoopDelay(registry, INTERVAL);
        var watcher = new VerticleBase() {
            Context loop;
            @Override
            public Future<?> start() {
                loop = context;
                delay.watch(vertx);
                return Future.succeededFuture();
            }
        };
        vertx.deployVerticle(watcher).await();
        Timer timer = registry.get(dev.slowfast.rules.MetricNames.EVENT_LOOP_DELAY).timer();

        Thread.sleep(200);
        assertTrue(timer.count() >= 3, () -> "an idle loop is probed every 20 ms: " + timer.count() + " probes in 200 ms");
        assertTrue(timer.max(TimeUnit.MILLISECONDS) < HOLD_MILLIS / 2.0,
                () -> "an idle loop runs its probe about on time: " + timer.max(TimeUnit.MILLISECONDS) + " ms late at most");

        watcher.loop.runOnContext(v -> sleepUninterruptibly(HOLD_MILLIS)); // holds the loop the probe runs on
        Thread.sleep(HOLD_MILLIS + 200);
        long afterHold = timer.count();
        assertTrue(timer.max(TimeUnit.MILLISECONDS) >= HOLD_MILLIS - 2 * INTERVAL.toMillis(),
                () -> "a loop held for " + HOLD_MILLIS + " ms: a probe that late, not " + timer.max(TimeUnit.MILLISECONDS) + " ms");

        Thread.sleep(100);
        assertTrue(timer.count() > afterHold, "the probe keeps running after the hold");
    }

    private static void sleepUninterruptibly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
