package dev.slowfast.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The seed experiment at event-loop scale: a few event-loop threads keep answering at once while
 * hundreds of slow requests wait on timers, because waiting holds no thread.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventLoopConcurrencyTest {

    private static final int SLOW_IN_FLIGHT = 500;
    private static final Duration FAST_BOUND = Duration.ofSeconds(1);

    private final InFlightRequests slowInFlight = new InFlightRequests("/slow");
    private AsyncApp app;
    private HttpClient http;

    @BeforeAll
    void start() {
        // Nothing here needs PostgreSQL: a closed port keeps the test independent of one. The
        // counting metrics factory takes the place of the app's own, so METRICS=off.
        app = TestApps.start(Map.of("PORT", "0", "DATABASE_URL", "postgresql://postgres@127.0.0.1:1/none",
                "METRICS", "off"), slowInFlight);
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterAll
    void stop() {
        http.close();
        app.close();
    }

    @Test
    void fastAnswersWithin1sWhile500SlowAreInFlight() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> slow = IntStream.range(0, SLOW_IN_FLIGHT)
                .mapToObj(i -> http.sendAsync(get("/slow?ms=3000"), HttpResponse.BodyHandlers.ofString()))
                .toList();
        awaitInFlight(SLOW_IN_FLIGHT, Duration.ofMillis(2500));

        long started = System.nanoTime();
        HttpResponse<String> fast = http.send(get("/fast"), HttpResponse.BodyHandlers.ofString());
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

        assertEquals(200, fast.statusCode(), fast::body);
        assertTrue(elapsed.compareTo(FAST_BOUND) < 0,
                () -> "/fast took " + elapsed.toMillis() + " ms with " + SLOW_IN_FLIGHT + " /slow in flight");
        assertEquals(SLOW_IN_FLIGHT, slowInFlight.count(), "the slow requests were still in flight when /fast answered");
        for (CompletableFuture<HttpResponse<String>> response : slow) {
            assertEquals(200, response.get().statusCode());
        }
    }

    private HttpRequest get(String target) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + target))
                .timeout(Duration.ofSeconds(30))
                .build();
    }

    /** Until the server itself has received {@code expected} slow requests it has not yet answered. */
    private void awaitInFlight(int expected, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (slowInFlight.count() < expected) {
            assertTrue(System.nanoTime() < deadline,
                    () -> "only " + slowInFlight.count() + " of " + expected + " /slow requests reached the server in " + limit);
            Thread.sleep(10);
        }
    }
}
