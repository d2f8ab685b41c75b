package dev.slowfast.loadtest.results;

import java.util.List;
import java.util.Map;

/** Where and how the numbers were made, so a reader can judge them and a run can be repeated. */
public record Provenance(String startedAt, String finishedAt, double durationSeconds, String profile,
                         String gitCommit, boolean gitWorkingTreeDirty, String jdk, String os, int cores,
                         String cpuModel, long memoryMb, String gatlingVersion, List<String> appJvmOptions,
                         List<String> gatlingJvmOptions, String cpuPinning, String openFiles, String database,
                         List<String> workloads, List<Integer> levels, double stepSeconds, double rampSeconds,
                         Map<String, Long> settleMsByWorkload, long delayMs, long dbDelayMs, double warmupSeconds,
                         int dbPoolSize, List<VariantSettings> variants, List<String> method) {
}
