package dev.slowfast.loadtest.results;

import java.util.Map;

/** One request kind at one level: successful completions per second of the steady window, latency, errors. */
public record RequestResult(long ok, double throughputRps, Latency latencyMs, Errors errors,
                            Map<Integer, Long> unexpectedStatuses, String histogram) {
}
