package dev.slowfast.loadtest.run;

import java.util.OptionalInt;

/**
 * Throughput = requests in flight ÷ time each one takes. With {@code users} in a closed loop and a
 * wait of {@code delay}, no server can complete more than users ÷ delay per second; a pool of N
 * threads or connections caps "in flight" at N.
 */
public final class LittlesLaw {

    private LittlesLaw() {
    }

    /** Requests per second, or null where the workload has no delay-based bound. */
    public static Double bound(Workload workload, int users, long delayMs, OptionalInt threadCap, int dbPoolSize) {
        if (!workload.hasBound() || delayMs <= 0) {
            return null;
        }
        int inFlight = users;
        if (threadCap.isPresent()) {
            inFlight = Math.min(inFlight, threadCap.getAsInt());
        }
        if (workload.needsDatabase()) {
            inFlight = Math.min(inFlight, dbPoolSize);
        }
        return workload.requestsPerCycle() * inFlight * 1000.0 / delayMs;
    }

    /** What capped the bound, for the report's wording; null when nothing did. */
    public static String limit(Workload workload, int users, OptionalInt threadCap, int dbPoolSize) {
        if (workload.needsDatabase() && dbPoolSize < users && (threadCap.isEmpty() || dbPoolSize <= threadCap.getAsInt())) {
            return dbPoolSize + " pooled connections";
        }
        if (threadCap.isPresent() && threadCap.getAsInt() < users) {
            return threadCap.getAsInt() + " threads";
        }
        return null;
    }
}
