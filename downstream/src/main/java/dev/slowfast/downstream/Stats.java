package dev.slowfast.downstream;

import io.vertx.core.json.JsonObject;

/**
 * What the service saw, for {@code GET /stats}. Only the one event loop touches it, so plain
 * fields suffice. For every {@code /delay} that passed validation:
 * {@code received = inFlight + completed + cancelled + failed} (counting since the last reset).
 */
final class Stats {

    private long received;
    private long inFlight;
    private long completed;
    private long cancelled;
    private long failed;
    private long connections;
    private long peakInFlight;
    private long peakConnections;

    /** A valid {@code /delay} arrived. */
    void received() {
        received++;
    }

    /** Its timer started. */
    void started() {
        inFlight++;
        peakInFlight = Math.max(peakInFlight, inFlight);
    }

    /** Its timer fired and it was answered 200. */
    void completed() {
        inFlight--;
        completed++;
    }

    /** The caller closed the connection before the timer fired. */
    void cancelled() {
        inFlight--;
        cancelled++;
    }

    /** It was answered with an injected failure, at once. */
    void failed() {
        failed++;
    }

    /** A connection carried its first {@code /delay} (see {@link CallerConnections}). */
    void connectionOpened() {
        connections++;
        peakConnections = Math.max(peakConnections, connections);
    }

    void connectionClosed() {
        connections--;
    }

    /**
     * Counters to zero; the peaks restart from what is open now (zero when nothing is), since a
     * peak since the reset cannot be below the present. In-flight requests and open connections
     * are facts, not counters: they stay.
     */
    void reset() {
        received = 0;
        completed = 0;
        cancelled = 0;
        failed = 0;
        peakInFlight = inFlight;
        peakConnections = connections;
    }

    JsonObject toJson() {
        return new JsonObject()
                .put("received", received)
                .put("inFlight", inFlight)
                .put("completed", completed)
                .put("cancelled", cancelled)
                .put("failed", failed)
                .put("connections", connections)
                .put("peakInFlight", peakInFlight)
                .put("peakConnections", peakConnections);
    }
}
