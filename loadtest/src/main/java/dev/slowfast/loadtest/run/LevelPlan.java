package dev.slowfast.loadtest.run;

import dev.slowfast.loadtest.results.LevelNotRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The levels one workload runs: those of the run whose sockets fit in a process's open-files limit.
 * The app is the process that holds the most: one socket per user, plus, for a downstream workload,
 * the connections its requests hold to downstream at once (users × calls at once, at most the pool).
 * 10,000 users of a ten-call fan-out would need 100,000 downstream connections, far past a limit of
 * 20,000; such a level is listed with that arithmetic as its reason rather than run into failure.
 */
public record LevelPlan(List<Integer> levels, List<LevelNotRun> notRun) {

    /** Descriptors an app holds besides its sockets (jars, epoll, pipes: about 50 in the reference run). */
    static final int OTHER_FILES = 500;

    public LevelPlan {
        levels = List.copyOf(levels);
        notRun = List.copyOf(notRun);
    }

    static LevelPlan of(Workload workload, List<Integer> levels, int openFilesLimit, int downstreamPoolSize) {
        var run = new ArrayList<Integer>();
        var notRun = new ArrayList<LevelNotRun>();
        for (int users : levels) {
            long downstream = downstreamConnections(workload, users, downstreamPoolSize);
            long needed = users + downstream + OTHER_FILES;
            if (needed <= openFilesLimit) {
                run.add(users);
                continue;
            }
            int atOnce = workload.downstreamCalls().connectionsAtOnce();
            String sockets = downstream == 0 ? ""
                    : String.format(Locale.ROOT, " + %,d downstream connections (%,d users × %d call%s at once%s)", downstream,
                    users, atOnce, atOnce == 1 ? "" : "s",
                    (long) users * atOnce > downstreamPoolSize ? ", at most the pool of " + downstreamPoolSize : "");
            notRun.add(new LevelNotRun(users, String.format(Locale.ROOT,
                    "the app would hold %,d client sockets%s + ~%d other files = %,d descriptors, past the open-files limit"
                            + " of %,d per process here", users, sockets, OTHER_FILES, needed, openFilesLimit)));
        }
        return new LevelPlan(run, notRun);
    }

    /** The most connections the app holds to downstream at {@code users}. */
    static long downstreamConnections(Workload workload, int users, int downstreamPoolSize) {
        if (!workload.usesDownstream()) {
            return 0;
        }
        return Math.min((long) users * workload.downstreamCalls().connectionsAtOnce(), downstreamPoolSize);
    }
}
