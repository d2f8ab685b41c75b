package dev.slowfast.loadtest.results;

import java.util.List;
import java.util.Optional;

/** Everything results.json holds; the report pages are drawn from this alone. */
public record ScalingResults(Provenance provenance, List<Skipped> skipped, List<RunResult> runs,
                             List<TargetVerdict> targets) {

    public Optional<RunResult> run(String variant, String workload) {
        return runs.stream().filter(r -> r.variant().equals(variant) && r.workload().equals(workload)).findFirst();
    }

    public List<RunResult> runsOf(String workload) {
        return runs.stream().filter(r -> r.workload().equals(workload)).toList();
    }

    public List<String> workloads() {
        return runs.stream().map(RunResult::workload).distinct().toList();
    }
}
