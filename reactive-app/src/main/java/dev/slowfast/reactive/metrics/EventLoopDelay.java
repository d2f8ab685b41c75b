package dev.slowfast.reactive.metrics;

import dev.slowfast.rules.MetricNames;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.core.Ordered;
import reactor.netty.http.server.HttpServer;
import reactor.netty.transport.ServerTransportConfig;

/**
 * {@code slowfast.event.loop.delay}: every {@link MetricNames#EVENT_LOOP_PROBE_INTERVAL} a probe task
 * is scheduled on each of the server's event loops, and records how late it ran. A loop that is
 * blocked, or saturated with work, runs it late: this is the reactive paradigm's own pressure gauge.
 * It is a server customizer so that it takes its loops from the server's own configuration (the same
 * LoopResources and native-or-NIO choice Reactor Netty binds with), and it starts when the server is
 * bound and stops when it is unbound: a probe left rescheduling itself would keep the loops from
 * ever being quiet enough to shut down.
 */
final class EventLoopDelay implements NettyServerCustomizer, Ordered {

    private static final long INTERVAL_NANOS = MetricNames.EVENT_LOOP_PROBE_INTERVAL.toNanos();

    private final Timer delay;
    /** Cleared when the server is unbound: a probe then due runs once more and schedules no next one. */
    private volatile boolean running;

    EventLoopDelay(MeterRegistry registry) {
        this.delay = Timer.builder(MetricNames.EVENT_LOOP_DELAY)
                .description("How late a task scheduled on an event loop ran")
                .register(registry);
    }

    /** Last, so that the loops it reads are the ones every other customizer has left. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public HttpServer apply(HttpServer server) {
        ServerTransportConfig<?> config = server.configuration();
        EventLoopGroup loops = config.loopResources().onServer(config.isPreferNative());
        return server.doOnBound(bound -> start(loops)).doOnUnbound(unbound -> stop());
    }

    private void start(EventLoopGroup loops) {
        running = true;
        for (EventExecutor loop : loops) {
            schedule(loop);
        }
    }

    private void stop() {
        running = false;
    }

    private void schedule(EventExecutor loop) {
        long due = System.nanoTime() + INTERVAL_NANOS;
        loop.schedule(() -> probe(loop, due), INTERVAL_NANOS, TimeUnit.NANOSECONDS);
    }

    /** Runs on the loop itself: records its lateness, then schedules the next one. */
    private void probe(EventExecutor loop, long due) {
        delay.record(Math.max(0, System.nanoTime() - due), TimeUnit.NANOSECONDS);
        if (running && !loop.isShuttingDown()) {
            schedule(loop);
        }
    }
}
