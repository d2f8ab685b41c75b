package dev.slowfast.async.metrics;

import dev.slowfast.rules.MetricNames;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.vertx.micrometer.Label;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * The database pool's {@code db.pool.*} meters. Vert.x's SQL pool reports itself through the
 * metrics SPI ({@code vertx.pool.*}, tagged {@code pool_type=sql}); {@link #RENAMES} gives those
 * meters the contract's names, without tags, as they are registered: every acquire is enqueued and
 * dequeued, so the queue time is the acquire wait, also when a connection was free at once. What
 * the SPI does not know, the pool's size and its open connections, are gauges of their own.
 * Vert.x's other pools (the worker pools) keep their {@code vertx.pool.*} names.
 */
final class PoolMeters {

    private static final String SQL_POOL = "sql";
    private static final String VERTX_POOL = "vertx.pool.";
    /** Vert.x's pool meter (after {@link #VERTX_POOL}) → the contract's name. */
    private static final Map<String, String> CONTRACT_NAMES = Map.of(
            "in.use", MetricNames.DB_POOL_ACTIVE,
            "queue.pending", MetricNames.DB_POOL_PENDING,
            "queue.time", MetricNames.DB_POOL_ACQUIRE);

    /** Registered before Vert.x is built, so they apply to the pool's meters as it creates them. */
    static final MeterFilter RENAMES = new MeterFilter() {
        @Override
        public Meter.Id map(Meter.Id id) {
            if (!id.getName().startsWith(VERTX_POOL) || !SQL_POOL.equals(id.getTag(Label.POOL_TYPE.toString()))) {
                return id;
            }
            String name = CONTRACT_NAMES.get(id.getName().substring(VERTX_POOL.length()));
            return name == null ? id : id.withName(name).replaceTags(Tags.empty());
        }

        @Override
        public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
            if (!MetricNames.DB_POOL_ACQUIRE.equals(id.getName())) {
                return config;
            }
            return DistributionStatisticConfig.builder()
                    .percentilesHistogram(true)
                    .minimumExpectedValue((double) MetricNames.HISTOGRAM_MIN.toNanos())
                    .maximumExpectedValue((double) MetricNames.HISTOGRAM_MAX.toNanos())
                    .build()
                    .merge(config);
        }
    };

    private PoolMeters() {
    }

    /**
     * The pool's size and its idle connections: open ({@code openConnections}, which the pool
     * counts) and not in use (Vert.x's in-use gauge, renamed above).
     */
    static void register(MeterRegistry registry, int maxSize, IntSupplier openConnections) {
        Gauge.builder(MetricNames.DB_POOL_MAX, () -> maxSize)
                .description("The most connections the pool opens (DB_POOL_SIZE)")
                .register(registry);
        Gauge.builder(MetricNames.DB_POOL_IDLE, () -> {
                    Gauge active = registry.find(MetricNames.DB_POOL_ACTIVE).gauge();
                    double inUse = active == null ? 0 : active.value();
                    return Math.max(0, openConnections.getAsInt() - inUse);
                })
                .description("Open connections not in use")
                .register(registry);
    }
}
