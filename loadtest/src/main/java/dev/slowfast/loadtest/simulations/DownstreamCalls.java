package dev.slowfast.loadtest.simulations;

/**
 * How one request of a workload calls the downstream service: {@code count} calls, all at once
 * ({@code concurrent}) or one after another. The workload's delay is the time of the whole request,
 * so a sequential request splits it over its calls: ten calls of a tenth each take about the delay,
 * the same as ten concurrent calls of the full delay, and the two differ only in how the calls are made.
 */
public record DownstreamCalls(int count, boolean concurrent) {

    /** A workload that calls nothing downstream. */
    public static final DownstreamCalls NONE = new DownstreamCalls(0, false);

    public DownstreamCalls {
        if (count < 0) {
            throw new IllegalArgumentException("calls must be >= 0, got " + count);
        }
    }

    public static DownstreamCalls one() {
        return new DownstreamCalls(1, false);
    }

    public static DownstreamCalls concurrent(int count) {
        return new DownstreamCalls(count, true);
    }

    public static DownstreamCalls sequential(int count) {
        return new DownstreamCalls(count, false);
    }

    public boolean any() {
        return count > 0;
    }

    /** The {@code ms} of each call for a request meant to take {@code requestDelayMs}. */
    public long callMs(long requestDelayMs) {
        return concurrent || count <= 1 ? requestDelayMs : requestDelayMs / count;
    }

    /** What one request really waits: a sequential request is its calls' sum (the division may round down). */
    public long requestMs(long requestDelayMs) {
        return concurrent || count <= 1 ? requestDelayMs : callMs(requestDelayMs) * count;
    }

    /** Downstream connections one request holds at once: all its calls when concurrent, else one. */
    public int connectionsAtOnce() {
        return concurrent ? count : Math.min(count, 1);
    }
}
