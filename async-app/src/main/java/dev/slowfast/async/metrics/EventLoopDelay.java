package dev.slowfast.async.metrics;

import dev.slowfast.rules.MetricNames;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * {@code slowfast.event.loop.delay}: on each event loop a timer is due every
 * {@link MetricNames#EVENT_LOOP_PROBE_INTERVAL}; how late it runs is how long that loop was busy
 * with something else, or blocked. A one-shot timer armed again each time, not a periodic one: a
 * periodic timer that falls behind runs its missed turns back to back and reports one stall several
 * times over. The probe itself is two clock reads and one recording, on the loop it measures.
 */
public final class EventLoopDelay {

    private final Timer delay;
    private final long intervalNanos;

    EventLoopDelay(MeterRegistry registry, Duration interval) {
        this.delay = Timer.builder(MetricNames.EVENT_LOOP_DELAY)
                .description("How late a task due every " + interval.toMillis() + " ms ran on an event loop")
                .publishPercentileHistogram()
                .minimumExpectedValue(MetricNames.HISTOGRAM_MIN)
                .maximumExpectedValue(MetricNames.HISTOGRAM_MAX)
                .register(registry);
        this.intervalNanos = interval.toNanos();
    }

    /**
     * Probes the event loop of the calling context (a verticle's start) from now on. Vert.x cancels
     * a verticle's timers when it is undeployed, so the probe ends with the verticle.
     */
    public void watch(Vertx vertx) {
        long due = System.nanoTime() + intervalNanos;
        vertx.setTimer(TimeUnit.NANOSECONDS.toMillis(intervalNanos), id -> {
            delay.record(Math.max(0, System.nanoTime() - due), TimeUnit.NANOSECONDS);
            watch(vertx);
        });
    }
}
