package dev.slowfast.loadtest.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A scrape against a real local HTTP server: answered, refused, and stalled after the response head. */
class MetricsScraperTest {

    private HttpServer server;

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void anAnsweredScrapeKeepsItsFigures() throws Exception {
        String base = serve(200, "slowfast_requests_in_flight 7\njvm_memory_used_bytes{area=\"heap\",id=\"x\"} 1\n", false);
        MetricsScraper.Scrape scrape = new MetricsScraper(base).scrapeOnce();
        assertNull(scrape.failure());
        assertEquals(7.0, scrape.snapshot().inFlight());
        assertEquals(0.0, scrape.snapshot().gcPauseSeconds(), "JVM metrics but no GC yet");
    }

    @Test
    void aNonOkAnswerIsAFailureNamedByItsStatus() throws Exception {
        String base = serve(404, "", false);
        assertEquals("status 404", new MetricsScraper(base).scrapeOnce().failure());
    }

    @Test
    void anAppThatSendsItsHeadAndThenStallsFailsTheScrapeAtTheDeadline() throws Exception {
        String base = serve(200, "slowfast_requests_in_flight 1\n", true);
        long started = System.nanoTime();
        MetricsScraper.Scrape scrape = new MetricsScraper(base, Duration.ofMillis(500)).scrapeOnce();
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        assertNull(scrape.snapshot());
        assertTrue(scrape.failure().startsWith("no complete answer within 500 ms"), scrape.failure());
        assertTrue(millis < 3_000, "given up at the deadline, not when the server let go: " + millis + " ms");
    }

    private String serve(int status, String body, boolean stallAfterHead) throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/metrics", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, stallAfterHead ? 0 : (bytes.length == 0 ? -1 : bytes.length));
            try (OutputStream out = exchange.getResponseBody()) {
                if (stallAfterHead) {
                    out.write(bytes, 0, 5);
                    out.flush();
                    Thread.sleep(5_000);
                }
                out.write(bytes);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor()); // a stalled handler must not hold stop()
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }
}
