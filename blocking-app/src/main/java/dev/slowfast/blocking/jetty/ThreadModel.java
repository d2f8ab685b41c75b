package dev.slowfast.blocking.jetty;

/** Which threads run the request handlers (see {@link RequestThreads}). */
public enum ThreadModel {
    /** A fixed Jetty pool of {@code WORKER_THREADS} platform threads. */
    PLATFORM,
    /** A new virtual thread for every request. */
    VIRTUAL
}
