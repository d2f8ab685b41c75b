package dev.slowfast.loadtest.results;

import java.util.Map;

/**
 * One level of one run: all request kinds together, each kind on its own, and what the app process
 * used. {@code boundRps} is the Little's-law bound (null where none applies) and {@code boundLimit}
 * what capped it ("200 threads"), if anything. Process figures are null for an external server.
 *
 * @param cpuSeconds   CPU time the app used during the steady window
 * @param peakRssMb    highest resident set size sampled during the level (ramp and window)
 * @param threads      most live threads sampled during the level
 * @param openFiles    most open file descriptors sampled during the level (sockets included)
 * @param metrics      what the app's own /metrics said about the window (null for a run without scrapes)
 */
public record LevelResult(int users, double windowSeconds, long ok, double throughputRps, Double boundRps,
                          String boundLimit, Latency latencyMs, Errors errors, Map<String, RequestResult> requests,
                          Double cpuSeconds, Double peakRssMb, Integer threads, Integer openFiles,
                          LevelMetrics metrics) {

    public Double boundRatio() {
        return boundRps == null || boundRps == 0 ? null : throughputRps / boundRps;
    }
}
