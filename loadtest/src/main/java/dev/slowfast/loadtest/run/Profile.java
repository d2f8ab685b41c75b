package dev.slowfast.loadtest.run;

import java.util.List;

/**
 * Preset sizes of a run. {@code default} is the one the README's main command runs: about ten minutes
 * on a 2-core machine (4 variants × slow and mixed at 5 levels of 8 s, fanout at the 4 that fit the
 * open-files limit, plus ramps, start-up and warm-up).
 */
public record Profile(String name, List<Workload> workloads, List<Integer> levels, double stepSeconds,
                      double rampSeconds, long delayMs, long dbDelayMs, double warmupSeconds) {

    private static final List<Integer> SCALING_LEVELS = List.of(1, 10, 100, 1_000, 10_000);

    public static Profile named(String name) {
        return switch (name) {
            case "quick" -> new Profile("quick", List.of(Workload.SLOW, Workload.MIXED), List.of(1, 10, 100),
                    3, 1, 250, 50, 2);
            case "default" -> new Profile("default", List.of(Workload.SLOW, Workload.MIXED, Workload.FANOUT), SCALING_LEVELS,
                    8, 2, 1000, 100, 5);
            case "full" -> new Profile("full", List.of(Workload.values()), SCALING_LEVELS,
                    10, 2, 1000, 100, 5);
            // what the metrics cost: /fast with them on and off, up to the level where every app is CPU-bound
            case "metrics-cost" -> new Profile("metrics-cost", List.of(Workload.FAST, Workload.FAST_METRICS_OFF),
                    List.of(1, 10, 100, 1_000), 8, 2, 1000, 100, 5);
            default -> throw new IllegalArgumentException("unknown profile '" + name + "'; known: quick, default, full, metrics-cost");
        };
    }
}
