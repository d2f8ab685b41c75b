package dev.slowfast.loadtest.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BucketsTest {

    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void theDifferenceOfTwoScrapesIsTheWindowsHistogram() {
        Buckets before = Buckets.of(Map.of(0.001, 10.0, 0.01, 10.0, 0.1, 10.0, INF, 10.0));
        Buckets after = Buckets.of(Map.of(0.001, 10.0, 0.01, 60.0, 0.1, 109.0, INF, 110.0));
        Buckets window = after.minus(before);
        assertEquals(100, window.count());
        assertEquals(0.01, window.percentileUpperBound(50), "50 of 100 fell at or below 10 ms");
        assertEquals(0.1, window.percentileUpperBound(99), "99 of 100 at or below 100 ms");
        assertEquals(INF, window.percentileUpperBound(100), "the last one only in +Inf");
    }

    @Test
    void aWindowWithNothingInItHasNoPercentile() {
        Buckets same = Buckets.of(Map.of(0.001, 5.0, INF, 5.0));
        assertNull(same.minus(same).percentileUpperBound(99));
    }

    @Test
    void aBucketThatAppearedInTheWindowCountsFromZero() {
        Buckets before = Buckets.of(Map.of());
        Buckets after = Buckets.of(Map.of(0.005, 3.0, INF, 4.0));
        assertEquals(4, after.minus(before).count());
        assertEquals(0.005, after.minus(before).percentileUpperBound(75));
    }
}
