package dev.slowfast.loadtest.results;

import java.util.List;

/**
 * One variant under one workload. Paths are relative to the report directory. {@code failure} is
 * set (and {@code levels} empty) when the run could not be completed.
 *
 * @param metricsScrapes how the app's /metrics was scraped during the run, or why it was not
 * @param jfrRecording   the app's JFR recording with {@code -Dloadtest.jfr=true} (null without), or why there is none
 * @param appErrors      fatal JVM errors the app's log shows (e.g. "OutOfMemoryError in 4 lines"), null when none
 * @param downstream     the downstream process of a downstream workload: its log, how it stopped, its /stats at the end
 *                       (null for other workloads)
 * @param levelsNotRun   levels of the run's list this workload did not run, each with why (empty when none)
 */
public record RunResult(String variant, String workload, long delayMs, String failure, String gatlingReport,
                        String appLog, String gatlingLog, String appOpenFilesLimit, Double vmHwmMb, String appStop,
                        String warmup, String metricsScrapes, String jfrRecording, String appErrors,
                        List<LevelResult> levels, String downstream, List<LevelNotRun> levelsNotRun) {

    public RunResult {
        levelsNotRun = levelsNotRun == null ? List.of() : List.copyOf(levelsNotRun); // absent from older results.json
    }

    public static RunResult failed(String variant, String workload, long delayMs, String failure, String appLog,
                                   String gatlingLog, String downstream, List<LevelNotRun> levelsNotRun) {
        return new RunResult(variant, workload, delayMs, failure, null, appLog, gatlingLog, null, null, null, null, null,
                null, null, List.of(), downstream, levelsNotRun);
    }

    public LevelResult level(int users) {
        return levels.stream().filter(l -> l.users() == users).findFirst().orElse(null);
    }
}
