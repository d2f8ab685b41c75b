package dev.slowfast.loadtest.report;

import static dev.slowfast.loadtest.report.Readings.percent;

import dev.slowfast.loadtest.results.LevelMetrics;
import dev.slowfast.loadtest.results.LevelResult;
import dev.slowfast.loadtest.results.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Names what the app measured about itself at a level where a curve bends: each pressure that
 * crossed its threshold, with its figure. Nothing is named without a figure; when nothing crossed,
 * the reading says so and still gives the main figures, so the reader sees what was ruled out.
 * The thresholds say "this is large enough to matter", not "this is the cause": several may hold.
 */
final class Causes {

    /** GC pauses this share of the window take that much time from request handling on one core. */
    static final double GC_SHARE = 0.10;
    /** The app is pinned to one core: this much CPU time per second of window is a busy core. */
    static final double CPU_BUSY = 0.90;
    /** A heap this full (or this full right after a GC) leaves the collector little room. */
    static final double HEAP_FULL = 0.90;
    static final double HEAP_FULL_AFTER_GC = 0.75;
    /** The probe runs every 100 ms; this late means the loop had that much work queued before it. */
    static final double LOOP_LATE_MS = 20;

    private Causes() {
    }

    /** "GC pauses took 58% of the window; heap peaked at 97% of max; …" or what was ruled out. */
    static String of(RunResult run, LevelResult level) {
        LevelMetrics m = level.metrics();
        var found = new ArrayList<String>();
        Double cpu = cpuShare(level);
        if (level.boundByGenerator()) {
            found.add("Gatling" + (level.downstreamCpuSeconds() == null ? "" : " and downstream") + " kept the load generator's"
                    + " cores busy: generator-bound, this point measures the load side, not the app");
        }
        if (level.boundByDownstream()) {
            found.add("downstream used " + percent(level.downstreamCpuShare()) + " of its core: downstream-bound,"
                    + " this point measures downstream, not the app");
        }
        if (m != null && m.gcPauseShare() != null && m.gcPauseShare() >= GC_SHARE) {
            found.add("GC pauses took " + percent(m.gcPauseShare()) + " of the window (" + m.gcPauses() + " pauses"
                    + (m.gcConcurrentShare() == null ? "" : ", concurrent GC " + percent(m.gcConcurrentShare())) + ")");
        }
        if (m != null && ((m.heapPeakShare() != null && m.heapPeakShare() >= HEAP_FULL)
                || (m.heapAfterGcPeak() != null && m.heapAfterGcPeak() >= HEAP_FULL_AFTER_GC))) {
            found.add("the heap peaked at " + percent(m.heapPeakShare()) + " of its max, " + percent(m.heapAfterGcPeak())
                    + " of the old generation still used after GC");
        }
        if (cpu != null && cpu >= CPU_BUSY) {
            found.add("the app's core was busy " + percent(cpu) + " of the window");
        }
        if (m != null && m.waitingForThreadPeak() != null && m.waitingForThreadPeak() >= 1) {
            found.add("up to " + count(m.waitingForThreadPeak()) + " requests waited for a worker thread");
        }
        if (m != null && m.poolPendingPeak() != null && m.poolPendingPeak() >= 1) {
            found.add("up to " + count(m.poolPendingPeak()) + " requests waited for a pooled connection (wait p99 "
                    + bucketMs(m.poolAcquireP99Ms()) + ")");
        }
        if (m != null && m.eventLoopDelayP99Ms() != null && m.eventLoopDelayP99Ms() >= LOOP_LATE_MS) {
            found.add("the event loop's probe ran late by " + bucketMs(m.eventLoopDelayP99Ms()) + " (p99)");
        }
        if (m != null && m.shed() != null && m.shed() > 0) {
            found.add(String.format(Locale.ROOT, "%,d requests were shed", m.shed()));
        }
        if (m != null && m.pinned() != null && m.pinned() > 0) {
            found.add(String.format(Locale.ROOT, "%,d virtual-thread pinnings", m.pinned()));
        }
        if (level.errors().timeout() + level.errors().connection() > 0) {
            found.add(level.errors().timeout() + " timeouts and " + level.errors().connection() + " connection errors at the client");
        }
        if (m != null && m.seconds() != null && m.failedScrapes() > 0) {
            found.add("the app did not answer " + m.failedScrapes() + " of its scrapes in time"
                    + (m.note() == null ? "" : " (" + m.note() + ")"));
        }
        boolean blind = m == null || m.seconds() == null || m.failedScrapes() > 0;
        if (blind && run.appErrors() != null) {
            found.add("the app's log shows " + run.appErrors());
        }
        if (m == null || m.seconds() == null) {
            found.add(m == null ? "no /metrics figures for this run" : "the app answered too few of its scrapes for /metrics figures ("
                    + m.note() + ")");
        }
        if (!found.isEmpty()) {
            return String.join("; ", found);
        }
        return "no measured pressure crossed its threshold (GC pauses " + percent(m.gcPauseShare()) + ", CPU "
                + percent(cpu) + " of a core, heap peak " + percent(m.heapPeakShare()) + ")";
    }

    /** CPU seconds per second of the window: 1.0 is one core fully busy. */
    static Double cpuShare(LevelResult level) {
        return level.cpuSeconds() == null || level.windowSeconds() <= 0 ? null : level.cpuSeconds() / level.windowSeconds();
    }

    /** A percentile known as the upper bound of a histogram bucket. */
    static String bucketMs(Double ms) {
        if (ms == null) {
            return "n/a";
        }
        if (ms.isInfinite()) {
            return "> 60 s";
        }
        return "≤ " + Readings.ms(ms);
    }

    private static String count(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }
}
