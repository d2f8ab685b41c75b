package dev.slowfast.loadtest.simulations;

import java.util.List;

/**
 * The closed-model stair: level 0 runs {@code leadIn} + {@code step} ms at its user count (the lead-in
 * lets the load generator's own JVM warm up and is never measured); every later level first
 * ramps from the previous count for {@code ramp} ms, then holds for {@code step} ms. Only the tail of
 * each hold, after {@code settle} ms, is measured: by then the users that arrived in the ramp have
 * completed a full cycle, so the window sees the steady state rather than the transition.
 * All times are milliseconds from the moment the first user started.
 */
public record StairSchedule(List<Integer> levels, long leadInMs, long stepMs, long rampMs, long settleMs) {

    public StairSchedule {
        levels = List.copyOf(levels);
        if (levels.isEmpty() || levels.stream().anyMatch(users -> users < 1)) {
            throw new IllegalArgumentException("levels must be positive user counts, got " + levels);
        }
        if (stepMs <= 0 || leadInMs < 0 || rampMs < 0 || settleMs < 0 || settleMs >= stepMs) {
            throw new IllegalArgumentException("need step > settle >= 0 and ramp >= 0, got step=" + stepMs
                    + " ramp=" + rampMs + " settle=" + settleMs);
        }
    }

    public int users(int level) {
        return levels.get(level);
    }

    public int size() {
        return levels.size();
    }

    /** When level {@code level} starts, its ramp included. */
    public long levelStartMs(int level) {
        return level == 0 ? 0 : holdStartMs(level) - rampMs;
    }

    public long holdStartMs(int level) {
        return leadInMs + level * (stepMs + rampMs);
    }

    public long windowStartMs(int level) {
        return holdStartMs(level) + settleMs;
    }

    public long holdEndMs(int level) {
        return holdStartMs(level) + stepMs;
    }

    public long windowMs() {
        return stepMs - settleMs;
    }

    public long totalMs() {
        return holdEndMs(size() - 1);
    }

    /** The level whose ramp or hold contains {@code t}; the last level for anything later. */
    public int levelAt(long t) {
        for (int level = 0; level < size() - 1; level++) {
            if (t < levelStartMs(level + 1)) {
                return level;
            }
        }
        return size() - 1;
    }

    /** The level whose measurement window contains {@code t}, or -1 when {@code t} is in no window. */
    public int windowAt(long t) {
        int level = levelAt(t);
        return t >= windowStartMs(level) && t < holdEndMs(level) ? level : -1;
    }
}
