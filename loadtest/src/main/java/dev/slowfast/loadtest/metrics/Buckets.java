package dev.slowfast.loadtest.metrics;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A Prometheus histogram's cumulative buckets ({@code le} in seconds → count), summed over its label
 * sets. Two scrapes' difference is the histogram of what happened in between, so a percentile of any
 * window comes from two scrapes: as the upper bound of the bucket that holds it, never interpolated.
 */
public record Buckets(NavigableMap<Double, Double> cumulative) {

    public Buckets {
        cumulative = new TreeMap<>(cumulative);
    }

    public static Buckets of(Map<Double, Double> cumulative) {
        return new Buckets(new TreeMap<>(cumulative));
    }

    public double count() {
        return cumulative.isEmpty() ? 0 : cumulative.lastEntry().getValue();
    }

    /** {@code this − earlier}, bucket by bucket (a bucket missing earlier counts as 0 there). */
    public Buckets minus(Buckets earlier) {
        var delta = new TreeMap<Double, Double>();
        cumulative.forEach((le, count) -> delta.put(le, count - earlier.cumulative.getOrDefault(le, 0.0)));
        return new Buckets(delta);
    }

    /**
     * The upper bound, in seconds, of the first bucket holding at least {@code percentile} % of the
     * observations; {@code +Inf} when only the overflow bucket does; null when there are none.
     */
    public Double percentileUpperBound(double percentile) {
        double total = count();
        if (total <= 0) {
            return null;
        }
        double wanted = total * percentile / 100.0;
        for (var bucket : cumulative.entrySet()) {
            if (bucket.getValue() >= wanted) {
                return bucket.getKey();
            }
        }
        return Double.POSITIVE_INFINITY;
    }
}
