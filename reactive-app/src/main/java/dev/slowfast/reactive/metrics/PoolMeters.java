package dev.slowfast.reactive.metrics;

import dev.slowfast.rules.MetricNames;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.PoolMetrics;
import java.util.function.ToIntFunction;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * The database pool's metrics under the contract's names: r2dbc-pool's own sizes as the
 * {@code db.pool.connections.*} gauges (read at each scrape) and Boot's pool bean replaced by a
 * {@link TimedPool} for the {@code db.pool.acquire} timer. Boot's own binder publishes the same sizes
 * as {@code r2dbc.pool.*} with a {@code name} tag and a unit suffix; application.properties turns it off.
 */
final class PoolMeters implements BeanPostProcessor {

    private final ObjectProvider<MeterRegistry> registry;

    /** The registry is looked up when the pool bean is made, not when this post-processor is. */
    PoolMeters(ObjectProvider<MeterRegistry> registry) {
        this.registry = registry;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof ConnectionPool pool)) {
            return bean;
        }
        MeterRegistry meters = registry.getObject();
        PoolMetrics sizes = pool.getMetrics().orElseThrow(() -> new IllegalStateException("r2dbc-pool keeps no metrics"));
        gauge(meters, MetricNames.DB_POOL_ACTIVE, "Pooled connections in use", sizes, PoolMetrics::acquiredSize);
        gauge(meters, MetricNames.DB_POOL_IDLE, "Open connections not in use", sizes, PoolMetrics::idleSize);
        gauge(meters, MetricNames.DB_POOL_PENDING, "Requests waiting for a connection", sizes, PoolMetrics::pendingAcquireSize);
        gauge(meters, MetricNames.DB_POOL_MAX, "The pool's size (DB_POOL_SIZE)", sizes, PoolMetrics::getMaxAllocatedSize);
        return new TimedPool(pool, Timer.builder(MetricNames.DB_POOL_ACQUIRE)
                .description("How long each wait for a pooled connection took")
                .register(meters));
    }

    /** Strongly referenced: nothing else holds r2dbc-pool's metrics view, and a gauge's state is weak by default. */
    private static void gauge(MeterRegistry meters, String name, String description, PoolMetrics sizes,
            ToIntFunction<PoolMetrics> size) {
        Gauge.builder(name, sizes, s -> size.applyAsInt(s)).description(description).strongReference(true).register(meters);
    }
}
