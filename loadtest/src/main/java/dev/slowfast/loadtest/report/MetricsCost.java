package dev.slowfast.loadtest.report;

import dev.slowfast.loadtest.results.LevelResult;
import dev.slowfast.loadtest.results.RunResult;
import dev.slowfast.loadtest.results.ScalingResults;
import dev.slowfast.loadtest.results.TargetVerdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the metrics cost: {@code fast} (metrics on) beside {@code fast-metrics-off} in the same run.
 * The cost of a variant is 1 − (its /fast requests per second with metrics on ÷ off), summed over the
 * levels from {@link #FROM_USERS} users on, where /fast keeps the app's one core busy, so the metrics'
 * CPU work shows as lost throughput rather than as idle time.
 */
final class MetricsCost {

    static final String ON = "fast";
    static final String OFF = "fast-metrics-off";
    static final int FROM_USERS = 100;
    /** The bound: metrics may not change what they measure by more than this. */
    static final double MAX_COST = 0.05;
    static final List<String> HEADER = List.of("variant", "users", "/fast req/s, metrics on", "metrics off", "cost");

    private MetricsCost() {
    }

    /** Per variant and level with both runs: on, off and the difference. */
    static List<List<String>> rows(ScalingResults results) {
        var rows = new ArrayList<List<String>>();
        for (RunResult on : results.runsOf(ON)) {
            Optional<RunResult> off = pair(results, on);
            if (off.isEmpty()) {
                continue;
            }
            for (LevelResult level : on.levels()) {
                LevelResult without = off.get().level(level.users());
                if (without == null || without.throughputRps() <= 0) {
                    continue;
                }
                rows.add(List.of(on.variant(), String.format(Locale.ROOT, "%,d", level.users()), Tables.number(level.throughputRps()),
                        Tables.number(without.throughputRps()), signedPercent(1 - level.throughputRps() / without.throughputRps())));
            }
            cost(on, off.get()).ifPresent(cost -> rows.add(List.of(on.variant(), "≥ " + FROM_USERS + " (sum)", "", "",
                    signedPercent(cost))));
        }
        return rows;
    }

    static TargetVerdict verdict(ScalingResults results) {
        String target = "metrics cost < " + Math.round(MAX_COST * 100) + "% of /fast throughput (fast vs fast-metrics-off, from "
                + FROM_USERS + " users on)";
        var details = new ArrayList<String>();
        boolean failed = false;
        for (RunResult on : results.runsOf(ON)) {
            Optional<RunResult> off = pair(results, on);
            Optional<Double> cost = off.flatMap(o -> cost(on, o));
            if (cost.isEmpty()) {
                details.add(on.variant() + ": no " + OFF + " run to compare with");
                continue;
            }
            boolean ok = cost.get() < MAX_COST;
            failed |= !ok;
            details.add(on.variant() + ": " + signedPercent(cost.get()) + (ok ? " ✓" : " ✗"));
        }
        if (details.isEmpty() || details.stream().allMatch(d -> d.contains("no " + OFF))) {
            return new TargetVerdict(target, Targets.NOT_EVALUATED, "needs workloads fast and " + OFF
                    + " in one run (-Dloadtest.profile=metrics-cost)");
        }
        details.add("one run per point: compare with the run-to-run spread before reading a small difference");
        return new TargetVerdict(target, failed ? Targets.NOT_MET : Targets.MET, String.join("; ", details));
    }

    private static Optional<RunResult> pair(ScalingResults results, RunResult on) {
        return on.failure() != null ? Optional.empty()
                : results.run(on.variant(), OFF).filter(off -> off.failure() == null);
    }

    private static Optional<Double> cost(RunResult on, RunResult off) {
        double with = 0;
        double without = 0;
        for (LevelResult level : on.levels()) {
            LevelResult other = off.level(level.users());
            if (level.users() >= FROM_USERS && other != null) {
                with += level.throughputRps();
                without += other.throughputRps();
            }
        }
        return without > 0 ? Optional.of(1 - with / without) : Optional.empty();
    }

    private static String signedPercent(double share) {
        return String.format(Locale.ROOT, "%+.1f%%", share * 100);
    }
}
