package dev.slowfast.loadtest.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slowfast.loadtest.results.Errors;
import dev.slowfast.loadtest.results.LevelResult;
import dev.slowfast.loadtest.results.RunResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The throughput reading tells a level that fell behind from one a window's whole number of requests rounded down. */
class ReadingsTest {

    @Test
    void oneRequestShortOverTheWindowIsNotFallingBehind() {
        // 1 user, 1 s delay, 8 s window: 7 requests caught is 88% of the bound, one request short.
        var run = run(level(1, 7, 1.0), level(10, 79, 10.0), level(100, 700, 100.0));
        String reading = Readings.throughput(List.of(run));
        assertTrue(reading.contains("async follows the bound up to 10 users, then falls behind at 100 users: 87.5 req/s, 88%"),
                reading);
    }

    @Test
    void twoRequestsShortAtOneUserIsFallingBehind() {
        var run = run(level(1, 6, 1.0), level(10, 80, 10.0));
        String reading = Readings.throughput(List.of(run));
        assertTrue(reading.contains("async falls behind at 1 user: 0.8 req/s, 75%"), reading);
    }

    private static RunResult run(LevelResult... levels) {
        return new RunResult("async", "slow", 1000, null, null, null, null, null, null, "stopped by SIGTERM, exit status 143",
                null, null, null, null, List.of(levels), null, List.of());
    }

    private static LevelResult level(int users, long ok, double bound) {
        double window = 8;
        return new LevelResult(users, window, ok, ok / window, bound, null, null, Errors.NONE, Map.of(), 1.0, 300.0, 30,
                users + 50, null, null, null, null, null);
    }
}
