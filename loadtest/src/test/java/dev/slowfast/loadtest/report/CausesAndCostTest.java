package dev.slowfast.loadtest.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slowfast.loadtest.results.Errors;
import dev.slowfast.loadtest.results.Json;
import dev.slowfast.loadtest.results.LevelMetrics;
import dev.slowfast.loadtest.results.LevelResult;
import dev.slowfast.loadtest.results.RunResult;
import dev.slowfast.loadtest.results.ScalingResults;
import dev.slowfast.loadtest.results.TargetVerdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The "why" readings name measured figures only, and the metrics-cost verdict is computed from two workloads. */
class CausesAndCostTest {

    private static final RunResult HEALTHY = run("async", "slow", 1, 1, 1);

    @Test
    void aBendIsExplainedByEveryPressureThatCrossedItsThresholdWithItsFigure() {
        var metrics = new LevelMetrics(8.0, 9, 1, "1 of 10 scrapes failed (1× HttpTimeoutException)", 0.58, 0.2, 120L,
                0.97, 0.88, 9_000.0, 0L, null, null, null, null, 0.0, 0L);
        String causes = Causes.of(HEALTHY, level(100, 8, metrics));
        assertTrue(causes.contains("GC pauses took 58% of the window (120 pauses, concurrent GC 20%)"), causes);
        assertTrue(causes.contains("the heap peaked at 97% of its max"), causes);
        assertTrue(causes.contains("the app's core was busy 100% of the window"), causes);
        assertTrue(causes.contains("did not answer 1 of its scrapes"), causes);
        assertTrue(!causes.contains("worker thread") && !causes.contains("pooled connection"), "nothing else crossed: " + causes);
    }

    @Test
    void whenNothingCrossedTheReadingSaysSoAndStillGivesTheFigures() {
        var metrics = new LevelMetrics(8.0, 9, 0, null, 0.01, 0.0, 2L, 0.3, 0.1, 10.0, 0L, 5L, 1.0, 0.0, 2.0, null, null);
        String causes = Causes.of(HEALTHY, level(100, 2, metrics));
        assertTrue(causes.startsWith("no measured pressure crossed its threshold (GC pauses 1%, CPU 25% of a core"), causes);
    }

    @Test
    void aPercentileInTheOverflowBucketIsShownAsSuchAndSurvivesResultsJson() throws Exception {
        var metrics = new LevelMetrics(8.0, 9, 0, null, 0.0, 0.0, 0L, 0.3, 0.1, 10.0, 0L, 40L,
                Double.POSITIVE_INFINITY, 30.0, null, null, null);
        assertTrue(Causes.of(HEALTHY, level(100, 1, metrics)).contains("wait p99 > 60 s"), Causes.of(HEALTHY, level(100, 1, metrics)));
        String json = Json.mapper().writeValueAsString(metrics);
        assertEquals(metrics, Json.mapper().readValue(json, LevelMetrics.class), json);
    }

    @Test
    void whereTheScrapesGoUnansweredTheAppsLogSpeaksForIt() {
        var blind = LevelMetrics.unavailable(1, "no two answered scrapes around the window; 1 of 2 scrapes failed");
        RunResult outOfHeap = new RunResult("blocking-virtual", "slow", 1000, null, null, "logs/app.log", null, null, null,
                "did not stop within 20 s of SIGTERM; killed", null, null, null, "OutOfMemoryError in 4 lines", List.of(), null, List.of());
        String causes = Causes.of(outOfHeap, level(10_000, 8, blind));
        assertTrue(causes.contains("the app's log shows OutOfMemoryError in 4 lines"), causes);
        assertTrue(causes.contains("answered too few of its scrapes"), causes);
        var seen = new LevelMetrics(8.0, 9, 0, null, 0.01, 0.0, 2L, 0.3, 0.1, 10.0, 0L, 5L, 1.0, 0.0, 2.0, null, null);
        assertTrue(!Causes.of(outOfHeap, level(100, 2, seen)).contains("log shows"),
                "where the app answered its scrapes, its own figures speak, not a log line of unknown time");
    }

    @Test
    void theCostOfMetricsIsTheThroughputLostAgainstTheSameAppWithMetricsOff() {
        var results = new ScalingResults(null, List.of(), List.of(
                run("async", "fast", 1_000, 9_000, 9_500),
                run("async", "fast-metrics-off", 1_000, 10_000, 10_000),
                run("reactive", "fast", 900, 9_800, 9_800),
                run("reactive", "fast-metrics-off", 1_000, 10_000, 10_000),
                run("blocking-virtual", "fast", 500, 5_000, 5_000)), List.of());
        TargetVerdict verdict = MetricsCost.verdict(results);
        assertEquals("not met", verdict.status(), verdict.details());
        assertTrue(verdict.details().contains("async: +7.5% ✗"), "(19,000 − 18,500) ... 1 − 18,500 ÷ 20,000: " + verdict.details());
        assertTrue(verdict.details().contains("reactive: +2.0% ✓"), "the 1-user level is left out: " + verdict.details());
        assertTrue(verdict.details().contains("blocking-virtual: no fast-metrics-off run"), verdict.details());
        assertEquals("not evaluated", MetricsCost.verdict(new ScalingResults(null, List.of(),
                List.of(run("async", "fast", 1, 2, 3)), List.of())).status());
    }

    private static RunResult run(String variant, String workload, double at1, double at100, double at1000) {
        return new RunResult(variant, workload, 1000, null, null, null, null, null, null, "stopped by SIGTERM", null, null, null,
                null, List.of(level(1, 0.1, null, at1), level(100, 1, null, at100), level(1_000, 1, null, at1000)), null, List.of());
    }

    private static LevelResult level(int users, double cpuSeconds, LevelMetrics metrics) {
        return level(users, cpuSeconds, metrics, 100);
    }

    private static LevelResult level(int users, double cpuSeconds, LevelMetrics metrics, double rps) {
        return new LevelResult(users, 8, Math.round(rps * 8), rps, null, null, null, Errors.NONE, Map.of(), cpuSeconds, 500.0,
                20, 100, metrics, null, null, null, null);
    }
}
