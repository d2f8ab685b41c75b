package dev.slowfast.reactive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.slowfast.contract.RunningApp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * This app's side of calling downstream, in-process under BlockHound (the shared cases against the real
 * downstream jar are contract-tests' DownstreamContract): the calls run at once or in turn, a slow call
 * is a 504, a bad answer or a refused connection a 502, and a pool of one queues a 50-call fan-out
 * instead of refusing it. The stand-in downstream answers {@code /delay?ms=N} after N ms; ms=1 answers 500,
 * ms=2 a body that does not echo it.
 */
@ExtendWith(NoBlockingCalls.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DownstreamCallsTest {

    private static final Pattern ELAPSED = Pattern.compile("\"elapsedMs\":(\\d+)");

    private final ExecutorService stubThreads = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpServer downstream = stub();
    private final String downstreamUrl = "http://127.0.0.1:" + downstream.getAddress().getPort();
    private final RunningApp app = TestApps.startWithoutDatabase(
            Map.of("DOWNSTREAM_URL", downstreamUrl, "DOWNSTREAM_TIMEOUT_MS", "3000"));
    private final RunningApp poolOfOne = TestApps.startWithoutDatabase(
            Map.of("DOWNSTREAM_URL", downstreamUrl, "DOWNSTREAM_POOL_SIZE", "1"));
    private final RunningApp nothingThere = TestApps.startWithoutDatabase(Map.of("DOWNSTREAM_URL", "http://127.0.0.1:" + closedPort()));
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @AfterAll
    void stop() throws Exception {
        app.close();
        poolOfOne.close();
        nothingThere.close();
        downstream.stop(0);
        stubThreads.close();
    }

    @Test
    void slowHttpAnswersAfterTheCall() throws Exception {
        HttpResponse<String> response = get(app, "/slow/http?ms=50");
        assertEquals(200, response.statusCode());
        assertEquals("{\"message\":\"That was slow!\",\"ms\":50}", response.body());
    }

    @Test
    void fanoutMakesItsCallsAtOnce() throws Exception {
        HttpResponse<String> response = get(app, "/fanout?calls=10&ms=500");
        assertEquals(200, response.statusCode(), response.body());
        long elapsed = elapsed(response);
        // Generous: a cold app on a busy machine; one after another would be 5,000 ms.
        assertTrue(elapsed >= 500 && elapsed < 2_500, () -> "10 calls of 500 ms at once took " + elapsed + " ms");
    }

    @Test
    void chainMakesItsCallsInTurn() throws Exception {
        HttpResponse<String> response = get(app, "/chain?calls=5&ms=100");
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(elapsed(response) >= 500, response::body);
    }

    @Test
    void aCallSlowerThanTheTimeoutIs504() throws Exception {
        HttpResponse<String> response = get(app, "/fanout?calls=3&ms=10000");
        assertEquals(504, response.statusCode());
        assertTrue(response.body().contains("downstream-timeout"), response.body());
    }

    @Test
    void aBadAnswerIs502() throws Exception {
        assertEquals(502, get(app, "/slow/http?ms=1").statusCode());
        assertEquals(502, get(app, "/chain?calls=2&ms=2").statusCode());
    }

    @Test
    void aRefusedConnectionIs502AtOnce() throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> response = get(nothingThere, "/fanout?calls=5&ms=100");
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertEquals(502, response.statusCode());
        assertTrue(response.body().contains("downstream-unavailable"), response.body());
        assertTrue(took.compareTo(Duration.ofSeconds(1)) < 0, () -> "took " + took.toMillis() + " ms");
    }

    /** Reactor Netty's default queue (twice the pool) would refuse the third call. */
    @Test
    void aFullPoolQueuesTheCallsInsteadOfRefusingThem() throws Exception {
        HttpResponse<String> response = get(poolOfOne, "/fanout?calls=50&ms=10");
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(elapsed(response) >= 500, response::body);
    }

    private HttpResponse<String> get(RunningApp target, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(target.baseUri() + path)).timeout(Duration.ofSeconds(30)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static long elapsed(HttpResponse<String> response) {
        Matcher matcher = ELAPSED.matcher(response.body());
        assertTrue(matcher.find(), response.body());
        return Long.parseLong(matcher.group(1));
    }

    private HttpServer stub() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1_000);
            server.setExecutor(stubThreads);
            server.createContext("/delay", DownstreamCallsTest::delay);
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delay(HttpExchange exchange) throws IOException {
        long ms = Long.parseLong(exchange.getRequestURI().getQuery().replace("ms=", ""));
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int status = ms == 1 ? 500 : 200;
        byte[] body = ("{\"ms\":" + (ms == 2 ? 3 : ms) + "}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
