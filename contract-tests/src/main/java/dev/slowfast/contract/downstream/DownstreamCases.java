package dev.slowfast.contract.downstream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slowfast.contract.ApiClient;
import dev.slowfast.contract.ApiResponse;
import dev.slowfast.contract.DownstreamApps;
import dev.slowfast.contract.DownstreamProcess;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every group of downstream cases shares: the apps and the downstream service (injected by
 * the suite) and the oracles, each taken from docs/contract.md, "Calling another service".
 */
public abstract class DownstreamCases {

    /** docs/contract.md: a client that leaves, or a failed call, cancels the rest "within a second". */
    protected static final Duration CANCEL_WITHIN = Duration.ofSeconds(1);
    /** How long a case waits for something downstream should see soon (a call arriving, counters settling). */
    protected static final Duration SOON = Duration.ofSeconds(10);

    private DownstreamApps apps;

    @BeforeEach
    void useApps(DownstreamApps injected) {
        this.apps = injected;
    }

    protected final DownstreamApps apps() {
        return apps;
    }

    protected final DownstreamProcess downstream() {
        return apps.downstream();
    }

    /** A client of the shared app (default settings). */
    protected final ApiClient sharedApp() throws Exception {
        return new ApiClient(apps.shared().baseUri());
    }

    /**
     * A {@code /fanout} or {@code /chain} answer: 200 JSON echoing {@code calls} and {@code ms}, with
     * {@code elapsedMs} never below one call's wait (nothing answers before downstream did).
     */
    protected static long assertCallsAnswer(ApiResponse response, int calls, int ms) {
        assertEquals(200, response.status(), response::describe);
        assertEquals(ApiClient.JSON, response.mediaType(), response::describe);
        JsonNode body = response.json();
        assertEquals(calls, body.path("calls").asInt(-1), response::describe);
        assertEquals(ms, body.path("ms").asInt(-1), response::describe);
        long elapsed = body.path("elapsedMs").asLong(-1);
        if (elapsed < ms) {
            throw new AssertionError("elapsedMs " + elapsed + " is below one call's " + ms + " ms: " + response.describe());
        }
        return elapsed;
    }

    /** The raw request line and head of a GET, for a client that will vanish. */
    protected static byte[] rawGet(String target) {
        return ("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
