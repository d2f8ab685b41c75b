package dev.slowfast.loadtest.run;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * "run k of n" and an ETA for the whole run. Each run is planned as its stair plus the warm-up plus a guess for
 * starting and stopping the JVMs; once runs have finished, what is left is scaled by how long the finished ones
 * really took against their plan, so the ETA corrects itself as the run goes.
 */
final class RunProgress {

    /** Starting the app (and downstream), waiting for health, stopping with SIGTERM: a first guess, corrected later. */
    static final Duration START_AND_STOP_GUESS = Duration.ofSeconds(15);

    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final List<Duration> planned;
    private final Clock clock;
    private int next;
    private Instant currentStart;
    private Duration plannedDone = Duration.ZERO;
    private Duration actualDone = Duration.ZERO;

    RunProgress(List<Duration> planned, Clock clock) {
        this.planned = List.copyOf(planned);
        this.clock = clock;
    }

    /** The plan of one run: warm-up, the stair of its levels, and {@link #START_AND_STOP_GUESS}. */
    static Duration plannedRun(double warmupSeconds, long stairMs) {
        return Duration.ofMillis(Math.round(warmupSeconds * 1000) + stairMs).plus(START_AND_STOP_GUESS);
    }

    int total() {
        return planned.size();
    }

    /** Marks the next run as started; "run 3 of 12, about 9 min left (until 06:52 UTC)". */
    String start() {
        if (next >= planned.size()) {
            throw new IllegalStateException("all " + planned.size() + " planned runs have started");
        }
        currentStart = clock.instant();
        Duration left = remainingFrom(next);
        next++;
        LocalTime until = LocalTime.ofInstant(currentStart.plus(left), ZoneId.of("UTC"));
        return "run " + next + " of " + planned.size() + ", about " + minutes(left) + " left (until "
                + CLOCK_TIME.format(until) + " UTC" + (plannedDone.isZero() ? ", first estimate" : "") + ")";
    }

    /** Marks the run last started as finished, so that its real length corrects the rest of the plan. */
    void finish() {
        if (currentStart == null) {
            throw new IllegalStateException("no run started");
        }
        plannedDone = plannedDone.plus(planned.get(next - 1));
        actualDone = actualDone.plus(Duration.between(currentStart, clock.instant()));
        currentStart = null;
    }

    /** What the runs from {@code index} on should take, scaled by actual ÷ planned of the finished runs. */
    Duration remainingFrom(int index) {
        Duration plan = planned.subList(index, planned.size()).stream().reduce(Duration.ZERO, Duration::plus);
        if (plannedDone.isZero()) {
            return plan;
        }
        double correction = (double) actualDone.toMillis() / plannedDone.toMillis();
        return Duration.ofMillis(Math.round(plan.toMillis() * correction));
    }

    private static String minutes(Duration d) {
        long seconds = d.toSeconds();
        return seconds < 90 ? seconds + " s" : Math.round(seconds / 60.0) + " min";
    }
}
