package dev.slowfast.loadtest.run;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Throughput = requests in flight ÷ time each one takes. With {@code users} in a closed loop and a
 * wait of {@code delay}, no server can complete more than users ÷ delay per second; a pool of N
 * threads or connections caps "in flight" at N. A request that holds K downstream connections at once
 * (a fan-out of K) needs K of the pool's connections, so the pool lets pool ÷ K such requests wait at once.
 */
public final class LittlesLaw {

    /** One thing that caps the requests in flight, and how the report words it. */
    private record Cap(double inFlight, String wording) {
    }

    private LittlesLaw() {
    }

    /** Requests per second, or null where the workload has no delay-based bound. */
    public static Double bound(Workload workload, int users, long delayMs, OptionalInt threadCap, int dbPoolSize,
                               int downstreamPoolSize) {
        long requestMs = workload.requestMs(delayMs);
        if (!workload.hasBound() || requestMs <= 0) {
            return null;
        }
        double inFlight = users;
        for (Cap cap : caps(workload, threadCap, dbPoolSize, downstreamPoolSize)) {
            inFlight = Math.min(inFlight, cap.inFlight());
        }
        return workload.requestsPerCycle() * inFlight * 1000.0 / requestMs;
    }

    /** What capped the bound ("200 threads", "1000 pooled downstream connections ÷ 10 calls"); null when nothing did. */
    public static String limit(Workload workload, int users, OptionalInt threadCap, int dbPoolSize, int downstreamPoolSize) {
        Cap binding = null;
        for (Cap cap : caps(workload, threadCap, dbPoolSize, downstreamPoolSize)) {
            // on a tie the earlier cap is named: a pool behind the threads is what they wait for
            if (cap.inFlight() < users && (binding == null || cap.inFlight() < binding.inFlight())) {
                binding = cap;
            }
        }
        return binding == null ? null : binding.wording();
    }

    private static List<Cap> caps(Workload workload, OptionalInt threadCap, int dbPoolSize, int downstreamPoolSize) {
        var caps = new ArrayList<Cap>();
        if (workload.needsDatabase()) {
            caps.add(new Cap(dbPoolSize, dbPoolSize + " pooled connections"));
        }
        if (workload.usesDownstream()) {
            int atOnce = workload.downstreamCalls().connectionsAtOnce();
            caps.add(new Cap((double) downstreamPoolSize / atOnce, downstreamPoolSize + " pooled downstream connections"
                    + (atOnce > 1 ? " ÷ " + atOnce + " calls" : "")));
        }
        threadCap.ifPresent(threads -> caps.add(new Cap(threads, threads + " threads")));
        return caps;
    }
}
