package dev.slowfast.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slowfast.testkit.AppLauncher;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contract when PostgreSQL does not answer: the app still starts, serves everything that
 * needs no database, says 503 on {@code /ready}, and answers 503 problems with {@code Retry-After}
 * (never hangs, never 500) wherever the database is needed. Extend it like {@link ApiContract};
 * {@link #startApp} receives a URL where no database listens.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DatabaseOutageContract {

    /** Generous: the contract says "within a few seconds"; the apps use a connect timeout of about 1 s. */
    private static final Duration ANSWER_BOUND = Duration.ofSeconds(5);

    private RunningApp app;
    private ApiClient api;

    /** Starts the implementation with {@code DATABASE_URL=databaseUrl}, which points at a closed port. */
    protected abstract RunningApp startApp(String databaseUrl) throws Exception;

    @BeforeAll
    void startTheAppWithoutADatabase() throws Exception {
        // a port free now, on which nothing will listen
        app = startApp("postgresql://postgres@127.0.0.1:" + AppLauncher.freePort() + "/nowhere");
        api = new ApiClient(app.baseUri());
    }

    @AfterAll
    void stopTheApp() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void readySays503AndDown() {
        ApiResponse response = api.get("/ready");
        assertEquals(503, response.status(), response::describe);
        assertEquals(ApiClient.JSON, response.mediaType());
        assertEquals("DOWN", response.json().path("status").asText());
    }

    @ParameterizedTest(name = "GET {0}")
    @ValueSource(strings = {"/fast", "/slow?ms=10", "/cpu?n=97", "/health"})
    void endpointsWithoutDatabaseStillAnswer200(String target) {
        ApiResponse response = api.get(target);
        assertEquals(200, response.status(), response::describe);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"GET /contacts", "POST /contacts", "GET /contacts/{id}", "PUT /contacts/{id}",
            "DELETE /contacts/{id}", "GET /slow/db?ms=10"})
    void databaseEndpointsAnswer503WithRetryAfterPromptly(String request) {
        String[] parts = request.split(" ");
        String target = parts[1].replace("{id}", UUID.randomUUID().toString());
        boolean hasBody = parts[0].equals("POST") || parts[0].equals("PUT");
        byte[] body = hasBody ? Json.object("name", "Nobody Home").getBytes(java.nio.charset.StandardCharsets.UTF_8) : null;

        ApiResponse response = api.send(parts[0], target, hasBody ? ApiClient.JSON : null, body);

        Problems.assertProblem(response, Problems.DATABASE_UNAVAILABLE);
        assertTrue(response.header("Retry-After").orElse("").matches("\\d+"), () -> "Retry-After: " + response.headers().map());
        assertTrue(response.elapsed().compareTo(ANSWER_BOUND) < 0,
                () -> "answered after " + response.elapsed().toMillis() + " ms");
    }

    @Test
    void badInputIsStillRefusedAsBadInput() {
        Problems.assertProblem(api.get("/contacts?limit=0"), Problems.BAD_REQUEST);
        Problems.assertValidationFailed(api.post("/contacts", Json.object("name", "")), "name");
        Problems.assertProblem(api.post("/contacts", "{"), Problems.BAD_REQUEST);
    }
}
