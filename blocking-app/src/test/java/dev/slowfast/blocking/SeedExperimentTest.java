package dev.slowfast.blocking;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The seed experiment of slowfast, over real HTTP against the real app: what a thread per request
 * means when the threads run out (platform), and when they cannot (virtual). No database needed.
 */
class SeedExperimentTest {

    /** Nothing listens here: these tests never touch the database. */
    private static final String NO_DATABASE = "postgresql://postgres@127.0.0.1:1/none";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private BlockingApp app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        http.close();
    }

    @Test
    void oneWorkerThread_fastWaitsForSlowInFlight() throws Exception {
        app = start("platform", 1);

        var slow = sendAsync("/slow?ms=2000");
        Thread.sleep(200); // the slow request now holds the only worker thread
        Timed fast = timed("/fast");

        assertEquals(200, fast.status());
        assertTrue(fast.elapsed().toMillis() >= 1_500,
                "/fast should have waited for the slow request, but answered after " + fast.elapsed().toMillis() + " ms");
        assertEquals(200, slow.get().statusCode());
    }

    @Test
    void threeWorkerThreads_threeSlowRunTogetherWhileFastWaitsForAFreeThread() throws Exception {
        app = start("platform", 3);

        long start = System.nanoTime();
        var slow = IntStream.range(0, 3).mapToObj(i -> sendAsync("/slow?ms=2000")).toList();
        Thread.sleep(300);
        Timed fast = timed("/fast");
        allOk(slow);
        long slowElapsedMs = Duration.ofNanos(System.nanoTime() - start).toMillis();

        // Jetty's acceptor and selector threads do not eat into WORKER_THREADS: exactly three run at once.
        assertTrue(slowElapsedMs < 3_500, "the three slow requests ran one after another: " + slowElapsedMs + " ms");
        assertTrue(fast.elapsed().toMillis() >= 1_200,
                "a fourth request should wait for a free worker, but /fast answered after " + fast.elapsed().toMillis() + " ms");
    }

    @Test
    void virtualThreads_fastAnswersWithin1sWhile100SlowAreInFlight() throws Exception {
        app = start("virtual", 200);

        var slow = IntStream.range(0, 100).mapToObj(i -> sendAsync("/slow?ms=3000")).toList();
        Thread.sleep(500); // let all hundred arrive and start sleeping
        assertTrue(slow.stream().noneMatch(CompletableFuture::isDone), "the slow requests should still be in flight");

        Timed fast = timed("/fast");

        assertEquals(200, fast.status());
        assertTrue(fast.elapsed().toMillis() < 1_000, "/fast took " + fast.elapsed().toMillis() + " ms");
        allOk(slow);
    }

    private BlockingApp start(String threadModel, int workerThreads) {
        return TestApps.start(Map.of(
                "DATABASE_URL", NO_DATABASE,
                "THREAD_MODEL", threadModel,
                "WORKER_THREADS", Integer.toString(workerThreads)));
    }

    private CompletableFuture<HttpResponse<String>> sendAsync(String target) {
        return http.sendAsync(request(target), HttpResponse.BodyHandlers.ofString());
    }

    private Timed timed(String target) throws Exception {
        long start = System.nanoTime();
        var response = http.send(request(target), HttpResponse.BodyHandlers.ofString());
        return new Timed(response.statusCode(), Duration.ofNanos(System.nanoTime() - start));
    }

    private HttpRequest request(String target) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + target))
                .timeout(Duration.ofSeconds(30))
                .build();
    }

    private static void allOk(List<CompletableFuture<HttpResponse<String>>> responses) {
        for (var response : responses) {
            assertEquals(200, response.join().statusCode());
        }
    }

    private record Timed(int status, Duration elapsed) {
    }
}
