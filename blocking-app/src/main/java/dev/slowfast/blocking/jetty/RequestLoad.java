package dev.slowfast.blocking.jetty;

/**
 * What the edge counts about the requests it admits, for the metrics to publish: read at scrape time, never
 * pushed per request.
 */
public interface RequestLoad {

    /** Requests counted against {@code MAX_IN_FLIGHT} now (never the probes or {@code /metrics}). */
    int inFlight();

    /** Requests answered 503 {@code overloaded} at {@code MAX_IN_FLIGHT} so far. */
    long shed();

    /**
     * Requests admitted and waiting for a worker thread: in the platform model the ones suspended for a permit
     * plus any job in the pool's queue; 0 with virtual threads, where a request never waits for a thread.
     */
    int waitingForThread();
}
