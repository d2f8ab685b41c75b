package dev.slowfast.loadtest.report;

import static dev.slowfast.loadtest.report.Readings.ms;
import static dev.slowfast.loadtest.report.Readings.percent;
import static dev.slowfast.loadtest.report.Readings.rps;

import dev.slowfast.loadtest.results.LevelResult;
import dev.slowfast.loadtest.results.RunResult;
import dev.slowfast.loadtest.results.ScalingResults;
import dev.slowfast.loadtest.results.TargetVerdict;
import dev.slowfast.loadtest.results.VariantSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The targets, each judged from the results: met, not met, or not evaluated (the run did not
 * include the level or variant it is about). Latency targets scale with the delay: "p99 ≤ 1.2 s"
 * at a 1 s delay is p99 ≤ 1.2 × delay. What a variant must do follows from its settings: one with a
 * concurrency cap must plateau at that bound, every other must scale.
 */
public final class Targets {

    static final String MET = "met";
    static final String NOT_MET = "not met";
    static final String NOT_EVALUATED = "not evaluated";

    private Targets() {
    }

    /** @param compared every variant the harness knows, whether or not this run included it */
    public static List<TargetVerdict> evaluate(ScalingResults results, List<VariantSettings> compared) {
        List<VariantSettings> scaling = compared.stream().filter(v -> v.concurrencyCap() == null).toList();
        List<VariantSettings> capped = compared.stream().filter(v -> v.concurrencyCap() != null).toList();
        return List.of(slowAtThousand(results, scaling, capped), slowAtTenThousand(results),
                mixedFastP99(results, scaling), tenThousandConnections(results), MetricsCost.verdict(results));
    }

    private static TargetVerdict slowAtThousand(ScalingResults results, List<VariantSettings> scaling,
                                                List<VariantSettings> capped) {
        var expectations = new ArrayList<String>();
        if (!scaling.isEmpty()) {
            expectations.add(names(scaling) + " reach ≥ 90% of the bound with p99 ≤ 1.2 × delay");
        }
        capped.forEach(v -> expectations.add(v.name() + " plateaus at its " + v.concurrencyCap() + "-thread bound"));
        String target = "slow, 1,000 users: " + String.join("; ", expectations);
        var details = new ArrayList<String>();
        boolean failed = false;
        boolean missing = false;
        for (VariantSettings v : Stream.concat(scaling.stream(), capped.stream()).toList()) {
            String variant = v.name();
            Optional<LevelResult> level = level(results, variant, "slow", 1_000);
            if (level.isEmpty()) {
                missing = true;
                details.add(variant + ": not measured");
                continue;
            }
            LevelResult l = level.get();
            long delay = results.run(variant, "slow").orElseThrow().delayMs();
            double p99 = l.latencyMs() == null ? Double.POSITIVE_INFINITY : l.latencyMs().p99();
            boolean ok = v.concurrencyCap() != null
                    ? l.boundRatio() >= 0.9 && l.boundRatio() <= 1.1 && l.boundLimit() != null
                    : l.boundRatio() >= 0.9 && p99 <= 1.2 * delay;
            failed |= !ok;
            details.add(variant + ": " + rps(l.throughputRps()) + " = " + percent(l.boundRatio()) + " of " + rps(l.boundRps())
                    + (l.boundLimit() != null ? " (" + l.boundLimit() + ")" : "") + ", p99 " + ms(l.latencyMs() == null ? null : l.latencyMs().p99())
                    + (ok ? " ✓" : " ✗"));
        }
        return verdict(target, failed, missing, details);
    }

    private static TargetVerdict slowAtTenThousand(ScalingResults results) {
        String target = "slow, 10,000 users: each variant's ratio to the bound; the best reaches ≥ 70%";
        var details = new ArrayList<String>();
        double best = -1;
        for (RunResult run : results.runsOf("slow")) {
            LevelResult l = run.level(10_000);
            if (l != null && l.boundRatio() != null) {
                best = Math.max(best, l.boundRatio());
                details.add(run.variant() + ": " + rps(l.throughputRps()) + " = " + percent(l.boundRatio()) + " of " + rps(l.boundRps()));
            }
        }
        details.add("the load generator shares this machine: " + results.provenance().machine().cpuPinning());
        if (best < 0) {
            return new TargetVerdict(target, NOT_EVALUATED, "10,000 users not in this run");
        }
        return new TargetVerdict(target, best >= 0.7 ? MET : NOT_MET, "best " + percent(best) + "; " + String.join("; ", details));
    }

    private static TargetVerdict mixedFastP99(ScalingResults results, List<VariantSettings> scaling) {
        String target = "mixed: /fast p99 for " + names(scaling) + " stays under 50 ms up to 1,000 users";
        var details = new ArrayList<String>();
        boolean failed = false;
        boolean missing = false;
        for (String variant : scaling.stream().map(VariantSettings::name).toList()) {
            Optional<RunResult> run = results.run(variant, "mixed").filter(r -> r.failure() == null);
            if (run.isEmpty() || run.get().level(1_000) == null) {
                missing = true;
                details.add(variant + ": not measured at 1,000 users");
                continue;
            }
            double worst = 0;
            int worstUsers = 0;
            for (LevelResult l : run.get().levels()) {
                Double p99 = WorkloadCharts.requestP99(l, "fast");
                double value = p99 == null ? Double.POSITIVE_INFINITY : p99;
                if (l.users() <= 1_000 && value >= worst) {
                    worst = value;
                    worstUsers = l.users();
                }
            }
            boolean ok = worst < 50;
            failed |= !ok;
            details.add(variant + ": worst /fast p99 " + ms(worst) + " at " + Readings.users(worstUsers) + (ok ? " ✓" : " ✗"));
        }
        return verdict(target, failed, missing, details);
    }

    private static TargetVerdict tenThousandConnections(ScalingResults results) {
        String target = "10,000 concurrent connections work";
        var details = new ArrayList<String>();
        boolean failed = false;
        for (RunResult run : results.runs()) {
            LevelResult l = run.level(10_000);
            if (l == null) {
                continue;
            }
            boolean ok = l.errors().connection() == 0 && l.ok() > 0;
            failed |= !ok;
            details.add(run.variant() + " × " + run.workload() + ": " + l.errors().connection() + " connection errors, "
                    + l.errors().timeout() + " timeouts, " + l.ok() + " completed"
                    + (l.openFiles() != null ? ", app peak " + String.format("%,d", l.openFiles()) + " open files" : "")
                    + (run.appOpenFilesLimit() != null ? " (limit " + run.appOpenFilesLimit() + ")" : "") + (ok ? " ✓" : " ✗"));
        }
        if (details.isEmpty()) {
            return new TargetVerdict(target, NOT_EVALUATED, "10,000 users not in this run");
        }
        details.add(results.provenance().machine().openFiles());
        return new TargetVerdict(target, failed ? NOT_MET : MET, String.join("; ", details));
    }

    private static TargetVerdict verdict(String target, boolean failed, boolean missing, List<String> details) {
        String status = failed ? NOT_MET : missing ? NOT_EVALUATED : MET;
        return new TargetVerdict(target, status, String.join("; ", details));
    }

    /** "a", "a and b", "a, b and c" */
    private static String names(List<VariantSettings> variants) {
        List<String> names = variants.stream().map(VariantSettings::name).toList();
        return names.size() < 2 ? String.join("", names)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.getLast();
    }

    private static Optional<LevelResult> level(ScalingResults results, String variant, String workload, int users) {
        return results.run(variant, workload).filter(r -> r.failure() == null).map(r -> r.level(users));
    }
}
