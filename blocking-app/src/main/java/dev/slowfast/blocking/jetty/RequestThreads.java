package dev.slowfast.blocking.jetty;

import java.util.concurrent.Executors;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Sets up the Jetty threads that run the request handlers, per {@link ThreadModel}.
 *
 * <p>Jetty's connector leases its acceptor and selector threads from the server's thread pool for as long as it
 * runs, and a connection's head is parsed on a pool thread before any handler sees it. So the platform pool has
 * {@link #SPARE_THREADS} more than {@code WORKER_THREADS} (plus the connector's): with every worker busy, a new
 * head is still parsed at once and reaches {@link InFlightLimit}, which lets {@code WORKER_THREADS} requests run,
 * parks the next ones (no thread held) up to {@code MAX_IN_FLIGHT}, and sheds the rest. Nothing waits unseen in
 * the pool's own unbounded job queue any more.
 */
final class RequestThreads {

    static final int ACCEPTORS = 1;
    static final int SELECTORS = 1;
    private static final int CONNECTOR_THREADS = ACCEPTORS + SELECTORS;
    /** Threads that only parse heads, shed, resume parked requests and discard refused bodies: none of it blocks. */
    private static final int SPARE_THREADS = 8;

    /** Virtual model: platform threads only for Jetty's own short, non-blocking tasks. */
    private static final int VIRTUAL_MODEL_PLATFORM_THREADS = CONNECTOR_THREADS + SPARE_THREADS;

    private RequestThreads() {
    }

    /** The server's thread pool; the connector must use {@link #ACCEPTORS} and {@link #SELECTORS}. */
    static QueuedThreadPool pool(ThreadModel model, int workerThreads) {
        return switch (model) {
            case PLATFORM -> platformPool(workerThreads);
            case VIRTUAL -> virtualPool();
        };
    }

    /** How many requests may run in a handler at once: the workers, or (virtual threads) no limit but MAX_IN_FLIGHT. */
    static int handlerLimit(ThreadModel model, int workerThreads, int maxInFlight) {
        return model == ThreadModel.PLATFORM ? Math.min(workerThreads, maxInFlight) : maxInFlight;
    }

    /**
     * Requests admitted and waiting for a worker thread. Platform model: a request beyond the workers waits
     * suspended in {@link InFlightLimit} for a permit (no thread held), then as a job in the pool's queue until a
     * thread takes it; the acceptor and selector are leased threads, never queued jobs, so the queue holds only
     * work waiting for a thread (a head to parse, a request resumed). Virtual model: 0, every request gets a new
     * thread (the small platform pool's queue holds Jetty's own tasks, not requests).
     */
    static int waitingForThread(ThreadModel model, InFlightLimit limit, QueuedThreadPool pool) {
        return model == ThreadModel.PLATFORM ? limit.getSuspendedRequestCount() + pool.getQueueSize() : 0;
    }

    /** WORKER_THREADS platform threads for handlers, and the spare ones that keep parsing while they are all busy. */
    private static QueuedThreadPool platformPool(int workerThreads) {
        var pool = new QueuedThreadPool(workerThreads + CONNECTOR_THREADS + SPARE_THREADS);
        // Reserved threads sit idle waiting for Jetty's hand-off optimisation and do not take queued
        // jobs; with none, every thread that is not the connector's takes the next job at once.
        pool.setReservedThreads(0);
        pool.setName("worker");
        return pool;
    }

    /**
     * Jetty's own recipe for virtual threads: a small platform pool for the acceptor and the selector,
     * and an executor that starts a new virtual thread for each task that may block, i.e. each request.
     */
    private static QueuedThreadPool virtualPool() {
        var pool = new QueuedThreadPool(VIRTUAL_MODEL_PLATFORM_THREADS);
        pool.setName("jetty");
        pool.setVirtualThreadsExecutor(Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("request-", 0).factory()));
        return pool;
    }
}
