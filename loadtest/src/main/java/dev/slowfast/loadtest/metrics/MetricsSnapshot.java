package dev.slowfast.loadtest.metrics;

import dev.slowfast.testkit.PrometheusText;
import java.util.HashMap;
import java.util.Map;

/**
 * The figures of one scrape of an app's {@code /metrics} that the report explains a level with, by
 * their Prometheus names in docs/contract.md ("Metrics"). Only these are kept, so a run's hundreds of
 * scrapes stay small. A figure the app does not publish is null.
 *
 * @param epochMs when the answer arrived: the registry was read between sending and this
 */
public record MetricsSnapshot(long epochMs, Double gcPauseSeconds, Double gcPauses, Double gcConcurrentSeconds,
                              Double heapUsedBytes, Double heapMaxBytes, Double heapAfterGc,
                              Double inFlight, Double shed, Double poolPending, Buckets poolAcquire,
                              Buckets eventLoopDelay, Double waitingForThread, Double pinned) {

    public static MetricsSnapshot of(long epochMs, PrometheusText text) {
        return new MetricsSnapshot(epochMs,
                gc(text, "jvm_gc_pause_seconds_sum"),
                gc(text, "jvm_gc_pause_seconds_count"),
                gc(text, "jvm_gc_concurrent_phase_time_seconds_sum"),
                heap(text, "jvm_memory_used_bytes"),
                heap(text, "jvm_memory_max_bytes"),
                text.has("jvm_memory_usage_after_gc")
                        ? text.find("jvm_memory_usage_after_gc", Map.of("area", "heap")).stream()
                                .mapToDouble(PrometheusText.Sample::value).max().orElse(0) : null,
                sum(text, "slowfast_requests_in_flight"),
                sum(text, "slowfast_requests_shed_total"),
                sum(text, "db_pool_connections_pending"),
                buckets(text, "db_pool_acquire_seconds_bucket"),
                buckets(text, "slowfast_event_loop_delay_seconds_bucket"),
                sum(text, "slowfast_requests_waiting_for_thread"),
                sum(text, "jvm_threads_virtual_pinned_seconds_count"));
    }

    /**
     * Micrometer's GC binder publishes a series at the first collection of its kind: an app that
     * publishes JVM memory but no GC series yet has had no such pause, which is 0, not "unknown".
     */
    private static Double gc(PrometheusText text, String name) {
        if (text.has(name)) {
            return text.sum(name, Map.of());
        }
        return text.has("jvm_memory_used_bytes") ? Double.valueOf(0) : null;
    }

    private static Double sum(PrometheusText text, String name) {
        return text.has(name) ? text.sum(name, Map.of()) : null;
    }

    /** Summed over the heap's pools; a pool without a max (-1, G1's eden and survivor) is left out of the max. */
    private static Double heap(PrometheusText text, String name) {
        return text.has(name) ? text.sum(name, s -> "heap".equals(s.label("area")) && s.value() >= 0) : null;
    }

    private static Buckets buckets(PrometheusText text, String name) {
        if (!text.has(name)) {
            return null;
        }
        var cumulative = new HashMap<Double, Double>();
        for (PrometheusText.Sample sample : text.find(name, Map.of())) {
            String le = sample.label("le");
            double bound = "+Inf".equals(le) ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
            cumulative.merge(bound, sample.value(), Double::sum);
        }
        return Buckets.of(cumulative);
    }
}
