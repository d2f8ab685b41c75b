package dev.slowfast.blocking.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariPoolMXBean;
import dev.slowfast.rules.MetricNames;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PoolMetersTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final PoolMeters pool = new PoolMeters(registry);

    @Test
    void everyAcquireHikariReportsIsTimedWithoutTags() {
        var tracker = pool.create("postgres", null);
        tracker.recordConnectionAcquiredNanos(Duration.ofMillis(2).toNanos());
        tracker.recordConnectionAcquiredNanos(Duration.ofSeconds(1).toNanos()); // Hikari reports a timed-out wait too

        var acquire = registry.get(MetricNames.DB_POOL_ACQUIRE).timer();
        assertEquals(2, acquire.count());
        assertEquals(1002, acquire.totalTime(TimeUnit.MILLISECONDS), 0.001);
        assertTrue(acquire.getId().getTags().isEmpty(), () -> "no tags: " + acquire.getId());
        assertTrue(registry.scrape().contains("db_pool_acquire_seconds_bucket{le=\"0.001\"} 0"), "a percentile histogram");
    }

    @Test
    void theGaugesReadThePoolLive() {
        var hikari = new FakePool();
        pool.bind(hikari, 3);
        hikari.active = 1;
        hikari.idle = 2;
        hikari.waiting = 4;

        assertEquals(1, registry.get(MetricNames.DB_POOL_ACTIVE).gauge().value());
        assertEquals(2, registry.get(MetricNames.DB_POOL_IDLE).gauge().value());
        assertEquals(4, registry.get(MetricNames.DB_POOL_PENDING).gauge().value());
        assertEquals(3, registry.get(MetricNames.DB_POOL_MAX).gauge().value());
        hikari.waiting = 0;
        assertEquals(0, registry.get(MetricNames.DB_POOL_PENDING).gauge().value());
    }

    private static final class FakePool implements HikariPoolMXBean {
        volatile int active;
        volatile int idle;
        volatile int waiting;

        @Override
        public int getIdleConnections() {
            return idle;
        }

        @Override
        public int getActiveConnections() {
            return active;
        }

        @Override
        public int getTotalConnections() {
            return active + idle;
        }

        @Override
        public int getThreadsAwaitingConnection() {
            return waiting;
        }

        @Override
        public void softEvictConnections() {
        }

        @Override
        public void suspendPool() {
        }

        @Override
        public void resumePool() {
        }
    }
}
