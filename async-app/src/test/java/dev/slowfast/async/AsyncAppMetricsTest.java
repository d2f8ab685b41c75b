package dev.slowfast.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slowfast.testkit.PrometheusText;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What the shared MetricsContract does not pin down, in-process: which {@code uri} the router's
 * own verdicts get (a 405 is {@code UNKNOWN}, a 415 its route's), a method outside HTTP's own is
 * one {@code UNKNOWN}, and no Vert.x route syntax ({@code :id}) ever shows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AsyncAppMetricsTest {

    private AsyncApp app;
    private HttpClient http;

    @BeforeAll
    void start() {
        // No database needed: a closed port.
        app = TestApps.start(Map.of("PORT", "0", "DATABASE_URL", "postgresql://postgres@127.0.0.1:1/none"));
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterAll
    void stop() {
        http.close();
        app.close();
    }

    @Test
    void theRoutersOwnVerdictsAndOddMethodsGetBoundedLabels() throws Exception {
        assertEquals(405, send("DELETE", "/fast", null).statusCode());
        assertEquals(415, send("POST", "/contacts", "text/plain").statusCode());
        assertEquals(404, send("GET", "/fast/", null).statusCode());
        send("BREW", "/fast", null);

        HttpResponse<String> metrics = send("GET", "/metrics", null);
        assertEquals(200, metrics.statusCode());
        assertEquals("text/plain; version=0.0.4; charset=utf-8", metrics.headers().firstValue("Content-Type").orElse(""));
        PrometheusText text = PrometheusText.parse(metrics.body());
        String count = "http_server_requests_seconds_count";
        assertEquals(1, text.sum(count, Map.of("method", "DELETE", "uri", "UNKNOWN", "status", "405", "outcome", "CLIENT_ERROR")));
        assertEquals(1, text.sum(count, Map.of("method", "POST", "uri", "/contacts", "status", "415")));
        assertEquals(1, text.sum(count, Map.of("method", "GET", "uri", "UNKNOWN", "status", "404")));
        assertEquals(1, text.sum(count, Map.of("method", "UNKNOWN", "uri", "UNKNOWN")));
        for (PrometheusText.Sample sample : text.samples()) {
            assertFalse(sample.labels().values().stream().anyMatch(value -> value.contains(":id") || value.contains("BREW")),
                    () -> "a Vert.x route or a raw method in a label: " + sample);
        }
        assertTrue(text.has("db_pool_connections_max") && text.has("slowfast_event_loop_delay_seconds_count"), metrics::body);
    }

    private HttpResponse<String> send(String method, String path, String contentType) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .method(method, contentType == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("x"));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
