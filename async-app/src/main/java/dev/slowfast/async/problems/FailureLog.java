package dev.slowfast.async.problems;

import java.lang.System.Logger.Level;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where a 500's failure is logged: on one daemon thread of its own, never on the event loop. Our
 * logging is java.util.logging, whose ConsoleHandler formats and writes to stderr synchronously,
 * under a lock: on an event loop, a slow terminal or a full pipe would stall every connection of
 * that loop. The queue is bounded and never waited for: when a burst of failures fills it, the
 * records that do not fit are dropped (and counted in the next one that is logged).
 */
final class FailureLog {

    private static final System.Logger LOG = System.getLogger(ErrorMapping.class.getName());
    private static final int MAX_WAITING = 1_000;

    private static final AtomicLong DROPPED = new AtomicLong();
    private static final ThreadPoolExecutor WRITER = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(MAX_WAITING),
            runnable -> Thread.ofPlatform().daemon().name("async-app-log").unstarted(runnable),
            (runnable, full) -> DROPPED.incrementAndGet());

    private FailureLog() {
    }

    /** Hands the record to the log thread and returns at once. */
    static void error(String message, Throwable failure) {
        WRITER.execute(() -> {
            long dropped = DROPPED.getAndSet(0);
            String note = dropped == 0 ? "" : " (" + dropped + " earlier failures not logged: the queue was full)";
            LOG.log(Level.ERROR, message + note, failure);
        });
    }
}
