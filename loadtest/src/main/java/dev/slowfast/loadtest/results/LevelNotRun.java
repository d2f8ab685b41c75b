package dev.slowfast.loadtest.results;

/** A level of the run's list that one workload did not run, and why (shown in the report, never left out silently). */
public record LevelNotRun(int users, String reason) {
}
