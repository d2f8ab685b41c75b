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
 * @param downstreamCpuSeconds CPU time the downstream process used during the window (null: no downstream sampled)
 * @param downstreamBound      whether downstream used at least 90% of a core in the window, so the point
 *                             measures downstream rather than the app (null: no downstream sampled)
 * @param generatorCpuSeconds  CPU time the Gatling JVM used during the window (null: not sampled)
 * @param generatorBound       whether Gatling and downstream together used at least 90% of the generator's pinned
 *                             cores in the window, so the load side set the pace (null: not pinned, or not sampled)
 */
public record LevelResult(int users, double windowSeconds, long ok, double throughputRps, Double boundRps,
                          String boundLimit, Latency latencyMs, Errors errors, Map<String, RequestResult> requests,
                          Double cpuSeconds, Double peakRssMb, Integer threads, Integer openFiles,
                          LevelMetrics metrics, Double downstreamCpuSeconds, Boolean downstreamBound,
                          Double generatorCpuSeconds, Boolean generatorBound) {

    /** Downstream runs one event loop: this share of one core in a window means it, not the app, set the pace. */
    public static final double DOWNSTREAM_BUSY = 0.90;

    public Double boundRatio() {
        return boundRps == null || boundRps == 0 ? null : throughputRps / boundRps;
    }

    /**
     * Whether the level reached {@code share} of its bound, or fell short of it by no more than one request over the
     * window: a window holds a whole number of requests, so at 1 user and a 1 s delay an 8 s window that caught 7 of
     * 8 reads as 88% of the bound and says nothing about the app.
     */
    public boolean keepsUp(double share) {
        Double ratio = boundRatio();
        return ratio != null && (ratio >= share || (boundRps - throughputRps) * windowSeconds <= 1.0);
    }

    /** Downstream's CPU seconds per second of the window: 1.0 is its core fully busy. */
    public Double downstreamCpuShare() {
        return downstreamCpuSeconds == null || windowSeconds <= 0 ? null : downstreamCpuSeconds / windowSeconds;
    }

    /** Gatling and downstream share the generator's cores: at this share of them, the load side is saturated. */
    public static final double GENERATOR_BUSY = 0.90;

    public boolean boundByGenerator() {
        return Boolean.TRUE.equals(generatorBound);
    }

    /** Not named is…: Jackson would take that for a second "downstreamBound" property. */
    public boolean boundByDownstream() {
        return Boolean.TRUE.equals(downstreamBound);
    }
}
