package dev.slowfast.contract.downstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slowfast.contract.ApiClient;
import dev.slowfast.contract.ApiResponse;
import dev.slowfast.contract.DownstreamProcess;
import dev.slowfast.contract.Problems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The three endpoints' answers, their defaults and bounds, and what downstream saw of each (shared app). */
public abstract class DownstreamAnswerCases extends DownstreamCases {

    @Test
    void oneCallAnswersTheSlowMessageAfterDownstreamsWait() throws Exception {
        ApiResponse response = sharedApp().get("/slow/http?ms=200");

        assertEquals(200, response.status(), response::describe);
        assertEquals("That was slow!", response.json().path("message").asText(), response::describe);
        assertEquals(200, response.json().path("ms").asInt(-1), response::describe);
        assertTrue(response.elapsed().toMillis() >= 200, () -> "answered before the wait: " + response.elapsed());
        DownstreamProcess.Stats stats = downstream().stats();
        assertEquals(1, stats.received(), () -> "one call: " + stats);
        assertEquals(1, stats.completed(), () -> "one call: " + stats);
    }

    @Test
    void aFanoutOfTenHalfSecondCallsAnswersInUnderOneSecond() throws Exception {
        ApiResponse response = sharedApp().get("/fanout?calls=10&ms=500");

        long elapsed = assertCallsAnswer(response, 10, 500);
        assertTrue(elapsed < 1000, () -> "ten concurrent 500 ms calls take about 500 ms, not " + elapsed + " ms");
        assertTrue(response.elapsed().toMillis() < 1000, () -> "answered after " + response.elapsed().toMillis() + " ms");
        DownstreamProcess.Stats stats = downstream().stats();
        assertEquals(10, stats.completed(), () -> "ten calls answered: " + stats);
        assertEquals(10, stats.peakInFlight(), () -> "all ten waited at downstream at the same time: " + stats);
    }

    @Test
    void aChainOfTenTenthSecondCallsTakesAtLeastOneSecond() throws Exception {
        ApiResponse response = sharedApp().get("/chain?calls=10&ms=100");

        long elapsed = assertCallsAnswer(response, 10, 100);
        assertTrue(elapsed >= 1000, () -> "ten 100 ms calls one after another take ten times 100 ms, not " + elapsed);
        assertTrue(response.elapsed().toMillis() >= 1000, () -> "answered after " + response.elapsed().toMillis() + " ms");
        DownstreamProcess.Stats stats = downstream().stats();
        assertEquals(10, stats.completed(), () -> "ten calls answered: " + stats);
        assertEquals(1, stats.peakInFlight(), () -> "one call at a time: " + stats);
    }

    @Test
    void fiftyCallsAllWaitAtOnce() throws Exception {
        ApiResponse response = sharedApp().get("/fanout?calls=50&ms=300");

        long elapsed = assertCallsAnswer(response, 50, 300);
        assertTrue(elapsed < 1500, () -> "fifty concurrent 300 ms calls, not " + elapsed + " ms");
        DownstreamProcess.Stats stats = downstream().stats();
        assertEquals(50, stats.completed(), () -> "fifty calls answered: " + stats);
        assertEquals(50, stats.peakInFlight(), () -> "all fifty (under DOWNSTREAM_POOL_SIZE 100) at once: " + stats);
    }

    @Test
    void callsDefaultsToFive() throws Exception {
        ApiClient api = sharedApp();
        assertCallsAnswer(api.get("/fanout?ms=0"), 5, 0);
        assertCallsAnswer(api.get("/chain?ms=0"), 5, 0);
        DownstreamProcess.Stats stats = downstream().stats();
        assertEquals(10, stats.completed(), () -> "five calls each: " + stats);
    }

    @Test
    void oneCallAndZeroMillisecondsAreServed() throws Exception {
        ApiClient api = sharedApp();
        assertCallsAnswer(api.get("/fanout?calls=1&ms=0"), 1, 0);
        assertCallsAnswer(api.get("/chain?calls=1&ms=0"), 1, 0);
        ApiResponse slow = api.get("/slow/http?ms=0");
        assertEquals(200, slow.status(), slow::describe);
        assertEquals(3, downstream().stats().completed());
    }

    @ParameterizedTest(name = "GET {0}")
    @ValueSource(strings = {
        "/slow/http?ms=-1", "/slow/http?ms=60001", "/slow/http?ms=abc", "/slow/http?ms=", "/slow/http?ms=1.5",
        "/fanout?calls=0&ms=10", "/fanout?calls=51&ms=10", "/fanout?calls=abc", "/fanout?calls=-1",
        "/fanout?calls=5&ms=60001", "/fanout?calls=+5&ms=10", "/fanout?calls=&ms=10",
        "/chain?calls=0&ms=10", "/chain?calls=51&ms=10", "/chain?calls=5&ms=-1", "/chain?calls=1e1&ms=10"})
    void outOfBoundsParametersAre400AndCallNobody(String target) throws Exception {
        Problems.assertProblem(sharedApp().get(target), Problems.BAD_REQUEST);
        assertEquals(0, downstream().stats().received(), "a refused request makes no downstream call");
    }
}
