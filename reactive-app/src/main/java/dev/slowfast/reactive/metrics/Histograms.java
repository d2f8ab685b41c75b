package dev.slowfast.reactive.metrics;

import dev.slowfast.rules.MetricNames;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import java.util.Set;

/**
 * The contract's timers as Prometheus histograms with the same buckets in every app (Micrometer's
 * percentile buckets from {@link MetricNames#HISTOGRAM_MIN} to {@link MetricNames#HISTOGRAM_MAX}),
 * so a scraper can compute any percentile of a window from two scrapes. Other timers (JVM GC
 * pauses) stay summaries, as the contract lists them.
 */
final class Histograms implements MeterFilter {

    private static final Set<String> TIMERS = Set.of(
            MetricNames.HTTP_SERVER_REQUESTS, MetricNames.DB_POOL_ACQUIRE, MetricNames.EVENT_LOOP_DELAY);

    @Override
    public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        if (!TIMERS.contains(id.getName())) {
            return config;
        }
        // A timer's expected values are in nanoseconds.
        return DistributionStatisticConfig.builder()
                .percentilesHistogram(true)
                .minimumExpectedValue((double) MetricNames.HISTOGRAM_MIN.toNanos())
                .maximumExpectedValue((double) MetricNames.HISTOGRAM_MAX.toNanos())
                .build()
                .merge(config);
    }
}
