package dev.slowfast.async;

import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.internal.threadchecker.BlockedThreadEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Logger;

/**
 * Collects what Vert.x's BlockedThreadChecker finds, for {@link FailOnBlockedThread} to turn into
 * test failures. We take the checker's own hook rather than scraping its log warnings: a hook
 * cannot be lost to a logging setup, and if Vert.x ever changes it this stops compiling instead
 * of silently passing.
 */
final class BlockedThreads {

    private static final Logger LOG = Logger.getLogger(BlockedThreads.class.getName());
    private static final Queue<String> REPORTS = new ConcurrentLinkedQueue<>();

    private BlockedThreads() {
    }

    /** From now on, every blocked-thread report of this Vert.x is recorded (and logged). */
    static void watch(Vertx vertx) {
        ((VertxInternal) vertx).blockedThreadChecker().setThreadBlockedHandler(BlockedThreads::record);
    }

    /** The reports since the last call, oldest first. */
    static List<String> drain() {
        List<String> reports = new ArrayList<>();
        for (String report; (report = REPORTS.poll()) != null; ) {
            reports.add(report);
        }
        return reports;
    }

    /** Called on the checker's own timer thread while the reported thread is still blocked. */
    private static void record(BlockedThreadEvent event) {
        StringBuilder report = new StringBuilder()
                .append("Thread ").append(event.thread().getName())
                .append(" has been blocked for ").append(event.duration() / 1_000_000)
                .append(" ms, time limit is ").append(event.maxExecTime() / 1_000_000).append(" ms, at:");
        for (StackTraceElement frame : event.thread().getStackTrace()) {
            report.append("\n\tat ").append(frame);
        }
        LOG.warning(report::toString);
        REPORTS.add(report.toString());
    }
}
