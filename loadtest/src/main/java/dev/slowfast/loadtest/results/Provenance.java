package dev.slowfast.loadtest.results;

import java.util.List;
import java.util.Map;

/** Where and how the numbers were made, so a reader can judge them and a run can be repeated. */
public record Provenance(String profile, Timing timing, Git git, Machine machine, Jvms jvms, Settings settings,
                         String database, List<VariantSettings> variants, List<String> method) {

    public record Timing(String startedAt, String finishedAt, double durationSeconds) {
    }

    public record Git(String commit, boolean workingTreeDirty) {
    }

    /**
     * {@code cpuPinning} and {@code openFiles} say how the app and Gatling shared this machine;
     * {@code openFilesLimit} is the limit each child got, which decides the levels a workload can run.
     */
    public record Machine(String os, int cores, String cpuModel, long memoryMb, String cpuPinning, String openFiles,
                          Integer openFilesLimit) {
    }

    /** The JDK every JVM ran on, and the options of the app JVMs and of the Gatling JVM. */
    public record Jvms(String jdk, List<String> appJvmOptions, String gatlingVersion, List<String> gatlingJvmOptions) {
    }

    public record Settings(List<String> workloads, List<Integer> levels, double stepSeconds, double rampSeconds,
                           Map<String, Long> settleMsByWorkload, long delayMs, long dbDelayMs, double warmupSeconds,
                           int dbPoolSize, Map<String, List<Integer>> levelsByWorkload, Integer downstreamPoolSize,
                           String downstream) {
    }
}
