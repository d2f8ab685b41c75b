package dev.slowfast.loadtest.results;

import java.util.Map;

/** One stair step as the simulation saw it; times are epoch milliseconds. */
public record LevelMeasurement(int users, long levelStartEpochMs, long windowStartEpochMs, long windowEndEpochMs,
                               Map<String, RequestMeasurement> requests) {

    public double windowSeconds() {
        return (windowEndEpochMs - windowStartEpochMs) / 1000.0;
    }
}
