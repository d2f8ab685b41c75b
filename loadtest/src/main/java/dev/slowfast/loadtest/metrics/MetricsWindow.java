package dev.slowfast.loadtest.metrics;

import dev.slowfast.loadtest.metrics.MetricsScraper.Scrape;
import dev.slowfast.loadtest.results.LevelMetrics;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns a run's scrapes into one level's {@link LevelMetrics}: the answered scrape nearest each end of
 * the measurement window (at most one scrape period away) gives the deltas over the time between them;
 * the answered scrapes from the first to the last give the peaks of the gauges.
 */
public final class MetricsWindow {

    private static final long NEAR_MS = MetricsScraper.PERIOD.toMillis();

    private MetricsWindow() {
    }

    public static LevelMetrics of(List<Scrape> scrapes, long windowStartMs, long windowEndMs) {
        List<Scrape> around = scrapes.stream()
                .filter(s -> s.epochMs() >= windowStartMs - NEAR_MS && s.epochMs() <= windowEndMs + NEAR_MS).toList();
        List<Scrape> failed = around.stream().filter(s -> s.snapshot() == null).toList();
        String failures = failed.isEmpty() ? null : failed.size() + " of " + around.size() + " scrapes failed ("
                + failed.stream().collect(Collectors.groupingBy(Scrape::failure, LinkedHashMap::new, Collectors.counting()))
                        .entrySet().stream().map(e -> e.getValue() + "× " + e.getKey()).collect(Collectors.joining(", ")) + ")";
        List<MetricsSnapshot> answered = around.stream().map(Scrape::snapshot).filter(Objects::nonNull).toList();
        MetricsSnapshot first = nearest(answered, windowStartMs);
        MetricsSnapshot last = nearest(answered, windowEndMs);
        if (first == null || last == null || last.epochMs() <= first.epochMs()) {
            return LevelMetrics.unavailable(failed.size(), "no two answered scrapes around the window"
                    + (failures == null ? "" : "; " + failures));
        }
        List<MetricsSnapshot> inside = answered.stream()
                .filter(s -> s.epochMs() >= first.epochMs() && s.epochMs() <= last.epochMs()).toList();
        double seconds = (last.epochMs() - first.epochMs()) / 1000.0;
        Double gcPause = delta(first, last, MetricsSnapshot::gcPauseSeconds);
        Double gcConcurrent = delta(first, last, MetricsSnapshot::gcConcurrentSeconds);
        Buckets acquire = histogram(first, last, MetricsSnapshot::poolAcquire);
        Buckets loopDelay = histogram(first, last, MetricsSnapshot::eventLoopDelay);
        return new LevelMetrics(seconds, inside.size(), failed.size(), failures,
                gcPause == null ? null : gcPause / seconds,
                gcConcurrent == null ? null : gcConcurrent / seconds,
                count(delta(first, last, MetricsSnapshot::gcPauses)),
                heapPeakShare(inside),
                peak(inside, MetricsSnapshot::heapAfterGc),
                peak(inside, MetricsSnapshot::inFlight),
                count(delta(first, last, MetricsSnapshot::shed)),
                acquire == null ? null : Math.round(acquire.count()),
                millis(acquire == null ? null : acquire.percentileUpperBound(99)),
                peak(inside, MetricsSnapshot::poolPending),
                millis(loopDelay == null ? null : loopDelay.percentileUpperBound(99)),
                peak(inside, MetricsSnapshot::waitingForThread),
                count(delta(first, last, MetricsSnapshot::pinned)));
    }

    private static MetricsSnapshot nearest(List<MetricsSnapshot> snapshots, long t) {
        return snapshots.stream().filter(s -> Math.abs(s.epochMs() - t) <= NEAR_MS)
                .min(Comparator.comparingLong(s -> Math.abs(s.epochMs() - t))).orElse(null);
    }

    /** A counter that first appears inside the window (GC series start at the first collection) started at 0. */
    private static Double delta(MetricsSnapshot first, MetricsSnapshot last, Function<MetricsSnapshot, Double> value) {
        Double from = value.apply(first);
        Double to = value.apply(last);
        return to == null ? null : to - (from == null ? 0 : from);
    }

    private static Buckets histogram(MetricsSnapshot first, MetricsSnapshot last, Function<MetricsSnapshot, Buckets> value) {
        Buckets from = value.apply(first);
        Buckets to = value.apply(last);
        return to == null ? null : from == null ? to : to.minus(from);
    }

    private static Double peak(List<MetricsSnapshot> snapshots, Function<MetricsSnapshot, Double> value) {
        return snapshots.stream().map(value).filter(Objects::nonNull).max(Double::compare).orElse(null);
    }

    private static Double heapPeakShare(List<MetricsSnapshot> snapshots) {
        return snapshots.stream()
                .filter(s -> s.heapUsedBytes() != null && s.heapMaxBytes() != null && s.heapMaxBytes() > 0)
                .map(s -> s.heapUsedBytes() / s.heapMaxBytes()).max(Double::compare).orElse(null);
    }

    private static Long count(Double value) {
        return value == null ? null : Math.round(value);
    }

    /** Seconds to milliseconds; an overflow bucket stays infinite, for the report to say "> 60 s". */
    private static Double millis(Double seconds) {
        return seconds == null ? null : seconds * 1000;
    }
}
