package dev.slowfast.loadtest.results;

import java.util.Map;

/**
 * One request kind at one level, as the simulation measured it: successful requests completed inside
 * the level's steady window with their latency, and the level's errors. {@code histogram} is the
 * HdrHistogram of latencies in microseconds, compressed and base64-encoded, for anyone who wants
 * other percentiles than the ones we print.
 */
public record RequestMeasurement(long ok, Latency latencyMs, Errors errors, Map<Integer, Long> unexpectedStatuses,
                                 String histogram) {
}
