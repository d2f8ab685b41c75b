package dev.slowfast.loadtest.results;

/**
 * What the app's own {@code GET /metrics} said about one level's measurement window: the deltas
 * between the scrape nearest the window's start and the one nearest its end, and the peaks of the
 * gauges over the scrapes in between. Every figure is null when the app did not publish it (a
 * paradigm's pressure metric exists only in that paradigm) or the scrapes around the window failed;
 * {@code note} then says which scrapes failed and why. Shares are fractions (0.25 = 25 %).
 *
 * @param seconds              time between the two scrapes the deltas are taken over
 * @param scrapes              scrapes answered inside the window, its two ends included
 * @param failedScrapes        scrapes in the window that failed or timed out (they never fail the run)
 * @param gcPauseShare         stop-the-world GC pause time as a share of {@code seconds}
 * @param gcConcurrentShare    concurrent GC phase time (G1's marking) as a share of {@code seconds}
 * @param gcPauses             GC pauses in the window
 * @param heapPeakShare        the highest heap used over the heap's max, over the window's scrapes
 * @param heapAfterGcPeak      the highest share of the long-lived heap still used after a GC
 * @param inFlightPeak         most requests counted against MAX_IN_FLIGHT at a scrape
 * @param shed                 requests shed (503 overloaded) in the window
 * @param poolAcquires         waits for a pooled connection that ended in the window
 * @param poolAcquireP99Ms     upper bound of the bucket holding the p99 of those waits
 * @param poolPendingPeak      most requests waiting for a pooled connection at a scrape
 * @param eventLoopDelayP99Ms  upper bound of the bucket holding the p99 of how late the loop probe ran
 * @param waitingForThreadPeak most requests waiting for a worker thread at a scrape
 * @param pinned               virtual-thread pinnings in the window
 */
public record LevelMetrics(Double seconds, int scrapes, int failedScrapes, String note,
                           Double gcPauseShare, Double gcConcurrentShare, Long gcPauses,
                           Double heapPeakShare, Double heapAfterGcPeak,
                           Double inFlightPeak, Long shed,
                           Long poolAcquires, Double poolAcquireP99Ms, Double poolPendingPeak,
                           Double eventLoopDelayP99Ms, Double waitingForThreadPeak, Long pinned) {

    /** No scrape answered around the window. */
    public static LevelMetrics unavailable(int failedScrapes, String note) {
        return new LevelMetrics(null, 0, failedScrapes, note, null, null, null, null, null, null, null, null, null,
                null, null, null, null);
    }
}
