package dev.slowfast.loadtest.results;

/** Latency percentiles in milliseconds, as recorded by HdrHistogram (3 significant digits). */
public record Latency(double p50, double p90, double p99, double max, double mean) {
}
