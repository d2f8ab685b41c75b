package dev.slowfast.loadtest.results;

/** A variant or workload that did not run, and why ({@code workload} "*" for all of a variant's). */
public record Skipped(String variant, String workload, String reason) {
}
