package dev.slowfast.reactive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slowfast.contract.RunningApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The seed experiment at reactive scale: 500 slow requests wait on timers, not on threads, so a
 * fast request goes straight through. Needs no database.
 */
@ExtendWith(NoBlockingCalls.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlowRequestsInFlightTest {

    private static final int SLOW_IN_FLIGHT = 500;
    private static final Duration SLOW = Duration.ofSeconds(3);

    @AutoClose
    private final RunningApp app = TestApps.startWithoutDatabase(Map.of());
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void fastAnswersWithin1sWhile500SlowAreInFlight() throws Exception {
        long batchStarted = System.nanoTime();
        List<CompletableFuture<HttpResponse<String>>> slow = IntStream.range(0, SLOW_IN_FLIGHT)
                .mapToObj(i -> http.sendAsync(get("/slow?ms=" + SLOW.toMillis()), HttpResponse.BodyHandlers.ofString()))
                .toList();
        Thread.sleep(1_000); // let all 500 connect and reach their timers

        long fastStarted = System.nanoTime();
        HttpResponse<String> fast = http.send(get("/fast"), HttpResponse.BodyHandlers.ofString());
        Duration fastTook = Duration.ofNanos(System.nanoTime() - fastStarted);

        assertEquals(200, fast.statusCode());
        assertTrue(slow.stream().noneMatch(CompletableFuture::isDone), "the slow requests were still in flight");
        assertTrue(fastTook.compareTo(Duration.ofSeconds(1)) < 0,
                () -> "/fast took " + fastTook.toMillis() + " ms with " + SLOW_IN_FLIGHT + " /slow in flight");

        CompletableFuture.allOf(slow.toArray(CompletableFuture[]::new)).join();
        Duration batchTook = Duration.ofNanos(System.nanoTime() - batchStarted);
        slow.forEach(response -> assertEquals(200, response.join().statusCode()));
        // Served together, not one after another (that would take 500 x 3 s).
        assertTrue(batchTook.compareTo(SLOW.multipliedBy(3)) < 0, () -> "500 slow requests took " + batchTook);
    }

    private HttpRequest get(String target) {
        return HttpRequest.newBuilder(URI.create(app.baseUri() + target)).timeout(Duration.ofSeconds(30)).build();
    }
}
