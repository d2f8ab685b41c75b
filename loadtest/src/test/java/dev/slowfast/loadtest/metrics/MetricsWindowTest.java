package dev.slowfast.loadtest.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slowfast.loadtest.metrics.MetricsScraper.Scrape;
import dev.slowfast.loadtest.results.LevelMetrics;
import dev.slowfast.testkit.PrometheusText;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Windows cut from scrapes written in the Prometheus text format, as an app would answer them. */
class MetricsWindowTest {

    private static final long T0 = 1_000_000;

    @Test
    void deltasComeFromTheScrapesNearestTheWindowsEndsAndPeaksFromThoseBetween() {
        List<Scrape> scrapes = List.of(
                scrape(T0 - 3000, 0.0, 0, 100, 1, 0, 0),   // long before the window: left out
                scrape(T0 - 200, 1.0, 10, 200, 3, 5, 0),   // nearest the start
                scrape(T0 + 1000, 1.5, 20, 900, 40, 5, 2), // the peaks
                scrape(T0 + 2000, 2.0, 30, 300, 7, 9, 1),  // nearest the end
                scrape(T0 + 6000, 9.0, 90, 999, 99, 99, 9)); // long after: left out
        LevelMetrics m = MetricsWindow.of(scrapes, T0, T0 + 2100);
        assertEquals(2.2, m.seconds(), 1e-9, "from the scrape at -200 ms to the one at +2000 ms");
        assertEquals(1.0 / 2.2, m.gcPauseShare(), 1e-9, "1 s of pauses in 2.2 s");
        assertEquals(20, m.gcPauses());
        assertEquals(0.9, m.heapPeakShare(), 1e-9, "900 of 1000 bytes at the middle scrape");
        assertEquals(40, m.inFlightPeak());
        assertEquals(4, m.shed());
        assertEquals(2, m.waitingForThreadPeak());
        assertEquals(3, m.scrapes());
        assertEquals(0, m.failedScrapes());
        assertNull(m.note());
        assertNull(m.eventLoopDelayP99Ms(), "this app publishes no event-loop delay");
    }

    @Test
    void failedScrapesAreCountedAndNamedNeverThrown() {
        List<Scrape> scrapes = List.of(
                scrape(T0, 0.0, 0, 100, 0, 0, 0),
                new Scrape(T0 + 1000, null, "HttpTimeoutException: request timed out"),
                scrape(T0 + 2000, 0.5, 1, 100, 0, 0, 0));
        LevelMetrics m = MetricsWindow.of(scrapes, T0, T0 + 2000);
        assertEquals(1, m.failedScrapes());
        assertTrue(m.note().contains("1 of 3 scrapes failed") && m.note().contains("HttpTimeoutException"), m.note());
        assertEquals(0.25, m.gcPauseShare(), 1e-9);
    }

    @Test
    void withoutTwoAnsweredScrapesAroundTheWindowThereAreNoFigures() {
        List<Scrape> scrapes = List.of(scrape(T0, 0.0, 0, 100, 0, 0, 0),
                new Scrape(T0 + 5000, null, "status 503"));
        LevelMetrics m = MetricsWindow.of(scrapes, T0, T0 + 5000);
        assertNull(m.seconds());
        assertNull(m.gcPauseShare());
        assertEquals(1, m.failedScrapes());
        assertTrue(m.note().startsWith("no two answered scrapes around the window"), m.note());
    }

    @Test
    void theConnectionWaitPercentileIsTheBucketHoldingIt() {
        String before = histogram("db_pool_acquire_seconds", 0, 0, 0);
        String after = histogram("db_pool_acquire_seconds", 90, 99, 100);
        List<Scrape> scrapes = List.of(parsed(T0, before + "db_pool_connections_pending 0\n"),
                parsed(T0 + 1000, after + "db_pool_connections_pending 12\n"),
                parsed(T0 + 2000, after + "db_pool_connections_pending 3\n"));
        LevelMetrics m = MetricsWindow.of(scrapes, T0, T0 + 2000);
        assertEquals(100, m.poolAcquires());
        assertEquals(500, m.poolAcquireP99Ms(), 1e-9, "99 of 100 waits at or below the 0.5 s bucket");
        assertEquals(12, m.poolPendingPeak());
    }

    @Test
    void gcSeriesAppearAtTheFirstCollectionSoTheirAbsenceBeforeIsNoPauseYet() {
        String jvm = "jvm_memory_used_bytes{area=\"heap\",id=\"G1 Eden Space\"} 10\n";
        List<Scrape> scrapes = List.of(parsed(T0, jvm), parsed(T0 + 1000, jvm),
                parsed(T0 + 2000, jvm + "jvm_gc_pause_seconds_count{gc=\"G1 Young Generation\"} 1\n"
                        + "jvm_gc_pause_seconds_sum{gc=\"G1 Young Generation\"} 0.2\n"));
        assertEquals(0.0, MetricsWindow.of(scrapes, T0, T0 + 1000).gcPauseShare(), "no GC yet: 0, not unknown");
        LevelMetrics m = MetricsWindow.of(scrapes, T0, T0 + 2000);
        assertEquals(0.1, m.gcPauseShare(), 1e-9, "the first pause, 0.2 s of 2 s");
        assertEquals(1, m.gcPauses());
        assertNull(MetricsWindow.of(List.of(parsed(T0, "slowfast_requests_in_flight 1\n"),
                parsed(T0 + 1000, "slowfast_requests_in_flight 1\n")), T0, T0 + 1000).gcPauseShare(),
                "an app without JVM metrics has no GC figure");
    }

    private static String histogram(String name, int le1ms, int le500ms, int inf) {
        return name + "_bucket{le=\"0.001\"} " + le1ms + "\n" + name + "_bucket{le=\"0.5\"} " + le500ms + "\n"
                + name + "_bucket{le=\"+Inf\"} " + inf + "\n" + name + "_count " + inf + "\n";
    }

    private static Scrape scrape(long t, double gcSeconds, int gcCount, int heapUsed, int inFlight, int shed, int waiting) {
        return parsed(t, """
                jvm_gc_pause_seconds_count{action="end of minor GC",cause="G1 Evacuation Pause",gc="G1 Young Generation"} %d
                jvm_gc_pause_seconds_sum{action="end of minor GC",cause="G1 Evacuation Pause",gc="G1 Young Generation"} %s
                jvm_memory_used_bytes{area="heap",id="G1 Eden Space"} %d
                jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 5000
                jvm_memory_max_bytes{area="heap",id="G1 Eden Space"} -1
                jvm_memory_max_bytes{area="heap",id="G1 Old Gen"} 1000
                slowfast_requests_in_flight %d
                slowfast_requests_shed_total %d
                slowfast_requests_waiting_for_thread %d
                """.formatted(gcCount, gcSeconds, heapUsed, inFlight, shed, waiting));
    }

    private static Scrape parsed(long t, String text) {
        return new Scrape(t, MetricsSnapshot.of(t, PrometheusText.parse(text)), null);
    }
}
