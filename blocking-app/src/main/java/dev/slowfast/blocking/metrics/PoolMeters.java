package dev.slowfast.blocking.metrics;

import com.zaxxer.hikari.HikariPoolMXBean;
import com.zaxxer.hikari.metrics.IMetricsTracker;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import com.zaxxer.hikari.metrics.PoolStats;
import dev.slowfast.rules.MetricNames;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;

/**
 * The database pool under the contract's names: {@code db.pool.acquire} and the {@code db.pool.connections.*}
 * gauges, without a {@code pool} tag (there is one pool). Not Hikari's own Micrometer tracker, whose
 * {@code hikaricp.*} names would need renaming and whose acquire timer has no histogram.
 *
 * <p>The acquire timer is fed by Hikari itself, as its {@link MetricsTrackerFactory}: Hikari reports every wait for
 * a connection, also one that timed out, through {@link IMetricsTracker#recordConnectionAcquiredNanos}. The gauges
 * read the pool live ({@link HikariPoolMXBean}) at scrape time, not Hikari's {@link PoolStats}, which caches
 * for a second.
 */
final class PoolMeters implements MetricsTrackerFactory {

    private final MeterRegistry registry;
    private final Timer acquire;

    PoolMeters(MeterRegistry registry) {
        this.registry = registry;
        this.acquire = AppMetrics.histogram(Timer.builder(MetricNames.DB_POOL_ACQUIRE))
                .description("How long each request for a pooled connection waited for it, timed-out ones included")
                .register(registry);
    }

    @Override
    public IMetricsTracker create(String poolName, PoolStats poolStats) {
        return new IMetricsTracker() {
            @Override
            public void recordConnectionAcquiredNanos(long elapsedAcquiredNanos) {
                acquire.record(elapsedAcquiredNanos, TimeUnit.NANOSECONDS);
            }
        };
    }

    /** The gauges of the running pool, whose size is {@code maxConnections} ({@code DB_POOL_SIZE}). */
    void bind(HikariPoolMXBean pool, int maxConnections) {
        gauge(MetricNames.DB_POOL_ACTIVE, "Pooled connections in use", pool, HikariPoolMXBean::getActiveConnections);
        gauge(MetricNames.DB_POOL_IDLE, "Open connections not in use", pool, HikariPoolMXBean::getIdleConnections);
        gauge(MetricNames.DB_POOL_PENDING, "Requests waiting for a connection", pool,
                HikariPoolMXBean::getThreadsAwaitingConnection);
        gauge(MetricNames.DB_POOL_MAX, "The pool's size", pool, ignored -> maxConnections);
    }

    private void gauge(String name, String description, HikariPoolMXBean pool, ToIntFunction<HikariPoolMXBean> value) {
        Gauge.builder(name, pool, p -> value.applyAsInt(p)).description(description).register(registry);
    }
}
