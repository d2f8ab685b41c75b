package dev.slowfast.blocking.jetty;

import java.util.concurrent.Executors;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Sets up the Jetty threads that run the request handlers, per {@link ThreadModel}.
 *
 * <p>Jetty's connector leases its acceptor and selector threads from the server's thread pool for
 * as long as it runs, so they are not available for requests. We fix their number and add it to the
 * pool size; what is left is exactly the number of requests that can be handled at once.
 */
final class RequestThreads {

    static final int ACCEPTORS = 1;
    static final int SELECTORS = 1;
    private static final int CONNECTOR_THREADS = ACCEPTORS + SELECTORS;

    /** Virtual model: platform threads only for Jetty's own short, non-blocking tasks. */
    private static final int VIRTUAL_MODEL_PLATFORM_THREADS = CONNECTOR_THREADS + 8;

    private RequestThreads() {
    }

    /** The server's thread pool; the connector must use {@link #ACCEPTORS} and {@link #SELECTORS}. */
    static QueuedThreadPool pool(ThreadModel model, int workerThreads) {
        return switch (model) {
            case PLATFORM -> platformPool(workerThreads);
            case VIRTUAL -> virtualPool();
        };
    }

    /** WORKER_THREADS platform threads for requests; request number WORKER_THREADS + 1 waits in Jetty's queue. */
    private static QueuedThreadPool platformPool(int workerThreads) {
        var pool = new QueuedThreadPool(workerThreads + CONNECTOR_THREADS);
        // Reserved threads sit idle waiting for Jetty's hand-off optimisation and do not take queued
        // requests; with none, every pool thread that is not the connector's is a worker.
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
