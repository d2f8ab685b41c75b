package dev.slowfast.loadtest.results;

/** One of the targets: "met", "not met" or "not evaluated", with the figures behind it. */
public record TargetVerdict(String target, String status, String details) {
}
