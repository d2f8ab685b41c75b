package dev.slowfast.contract.downstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slowfast.contract.ApiClient;
import dev.slowfast.contract.ApiResponse;
import dev.slowfast.contract.DownstreamProcess;
import dev.slowfast.contract.Problems;
import dev.slowfast.testkit.AppLauncher;
import dev.slowfast.testkit.AppProcess;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Timeouts (504), a downstream that refuses or fails (502), and what is cancelled when one call fails. */
public abstract class DownstreamFailureCases extends DownstreamCases {

    /** "Answered fast": a refused connection or an injected failure must not wait for any timeout. */
    private static final long FAST_MS = 1000;

    @Test
    void aCallLongerThanTheTimeoutIs504AndIsCancelledAtDownstream() throws Exception {
        AppProcess app = apps().start("DOWNSTREAM_TIMEOUT_MS", "300");
        ApiClient api = new ApiClient(app.baseUri());

        ApiResponse response = api.get("/slow/http?ms=5000");

        Problems.assertProblem(response, Problems.DOWNSTREAM_TIMEOUT);
        long took = response.elapsed().toMillis();
        assertTrue(took >= 300 && took < 300 + FAST_MS, () -> "gave up after the 300 ms timeout, not " + took + " ms");
        DownstreamProcess.Stats stats = downstream().awaitStats(s -> s.cancelled() == 1, CANCEL_WITHIN);
        assertEquals(1, stats.cancelled(), () -> "the timed-out call's connection was closed: " + stats);
        assertEquals(0, stats.inFlight(), stats::toString);
    }

    @Test
    void aTimeoutInAFanoutCancelsEveryCall() throws Exception {
        AppProcess app = apps().start("DOWNSTREAM_TIMEOUT_MS", "300");

        ApiResponse response = new ApiClient(app.baseUri()).get("/fanout?calls=5&ms=5000");

        Problems.assertProblem(response, Problems.DOWNSTREAM_TIMEOUT);
        assertTrue(response.elapsed().toMillis() < 300 + FAST_MS, () -> "answered after " + response.elapsed().toMillis() + " ms");
        DownstreamProcess.Stats stats = downstream().awaitStats(s -> s.cancelled() == 5, CANCEL_WITHIN);
        assertEquals(5, stats.cancelled(), () -> "all five calls cancelled: " + stats);
        assertEquals(0, stats.completed(), stats::toString);
    }

    @Test
    void eachCallOfAChainHasItsOwnTimeout() throws Exception {
        AppProcess app = apps().start("DOWNSTREAM_TIMEOUT_MS", "1000");
        ApiClient api = new ApiClient(app.baseUri());
        assertEquals(200, api.get("/slow/http?ms=0").status(), "warm: a first call's set-up is not what this case measures");

        ApiResponse response = api.get("/chain?calls=3&ms=500");

        long elapsed = assertCallsAnswer(response, 3, 500);
        assertTrue(elapsed >= 1500, () -> "three 500 ms calls, each within its own 1000 ms, took " + elapsed + " ms in all");
        assertEquals(4, downstream().stats().completed());
    }

    @Test
    void aRefusedConnectionIs502AtOnceAndTheAppRecoversWhenDownstreamIsBack() throws Exception {
        int port = AppLauncher.freePort(); // nothing listens there until this case starts a downstream on it
        AppProcess app = apps().start("DOWNSTREAM_URL", "http://127.0.0.1:" + port);
        ApiClient api = new ApiClient(app.baseUri());

        ApiResponse ready = api.get("/ready");
        assertEquals(200, ready.status(), () -> "downstream's outage is not this app's: " + ready.describe());
        for (String target : List.of("/slow/http?ms=100", "/fanout?calls=10&ms=100", "/chain?calls=10&ms=100")) {
            ApiResponse refused = api.get(target);
            Problems.assertProblem(refused, Problems.DOWNSTREAM_UNAVAILABLE);
            assertTrue(refused.elapsed().toMillis() < FAST_MS,
                    () -> "a refused connection is answered at once, not after " + refused.elapsed().toMillis() + " ms");
        }

        apps().closeAfterCase(DownstreamProcess.startOn(port));

        ApiResponse back = api.get("/slow/http?ms=100");
        assertEquals(200, back.status(), () -> "the first request after downstream is back succeeds: " + back.describe());
        assertCallsAnswer(api.get("/fanout?calls=10&ms=100"), 10, 100);
    }

    @Test
    void aFailedCallFailsTheFanoutAtOnceAndCancelsTheOtherCalls() throws Exception {
        downstream().failEvery(10, 500); // the tenth call of the ten answers 500 at once

        ApiResponse response = sharedApp().get("/fanout?calls=10&ms=5000");

        Problems.assertProblem(response, Problems.DOWNSTREAM_UNAVAILABLE);
        assertTrue(response.elapsed().toMillis() < FAST_MS, () -> "the first failure answers, after " + response.elapsed().toMillis() + " ms");
        DownstreamProcess.Stats stats = downstream().awaitStats(s -> s.inFlight() == 0, CANCEL_WITHIN);
        assertEquals(10, stats.received(), () -> "all ten calls were made: " + stats);
        assertEquals(1, stats.failed(), stats::toString);
        assertEquals(9, stats.cancelled(), () -> "the other nine were cancelled, within a second: " + stats);
        assertEquals(0, stats.completed(), stats::toString);
    }

    @Test
    void aFailedCallEndsAChainThere() throws Exception {
        downstream().failEvery(3, 503); // the third call answers 503

        ApiResponse response = sharedApp().get("/chain?calls=10&ms=50");

        Problems.assertProblem(response, Problems.DOWNSTREAM_UNAVAILABLE);
        Thread.sleep(300); // room for a fourth call, which must not come
        DownstreamProcess.Stats stats = downstream().stats();
        assertEquals(3, stats.received(), () -> "no call after the failed third: " + stats);
        assertEquals(2, stats.completed(), stats::toString);
        assertEquals(1, stats.failed(), stats::toString);
    }
}
