package dev.slowfast.loadtest.results;

import java.util.List;

/** What a simulation writes when it ends, read back by the launcher. */
public record WorkloadMeasurement(String workload, String baseUrl, long delayMs, long originEpochMs,
                                  List<LevelMeasurement> levels) {
}
