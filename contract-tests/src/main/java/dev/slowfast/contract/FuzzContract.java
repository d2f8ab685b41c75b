package dev.slowfast.contract;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slowfast.contract.RequestMutator.Request;
import dev.slowfast.testkit.PostgresServer;
import dev.slowfast.testkit.TestDatabase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A seeded mutation fuzzer: thousands of requests mutated from valid ones must never get a 5xx
 * (nor break the contract in any other way: every response still goes through {@link ApiClient}'s
 * checks), and afterwards the stored contacts are exactly those the accepted requests made.
 * Replay a failure with {@code -Dcontract.fuzz.seed=<seed printed in the failure>}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class FuzzContract {

    private static final int REQUESTS = Integer.getInteger("contract.fuzz.requests", 10_000);
    private static final int WORKERS = 4;

    private TestDatabase database;
    private RunningApp app;
    private ApiClient api;

    /** Starts the implementation with {@code DATABASE_URL=databaseUrl}, a fresh database. */
    protected abstract RunningApp startApp(String databaseUrl) throws Exception;

    @BeforeAll
    void startTheApp() throws Exception {
        database = PostgresServer.shared().createDatabase();
        app = startApp(database.url());
        api = new ApiClient(app.baseUri());
    }

    @AfterAll
    void stopTheApp() throws Exception {
        try (var db = database; var running = app) {
            // the app first, then its database
        }
    }

    @Test
    void mutatedRequestsNeverGet5xxAndStoreExactlyWhatWasAccepted() throws Exception {
        long seed = Long.getLong("contract.fuzz.seed", ThreadLocalRandom.current().nextLong());
        System.out.println("FuzzContract seed: " + seed + " (replay with -Dcontract.fuzz.seed=" + seed + ")");
        Map<String, List<String>> expected = new ConcurrentHashMap<>();
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
        List<Future<Void>> runs = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            Random random = new Random(seed + w);
            runs.add(workers.submit(() -> fuzz(random, REQUESTS / WORKERS, expected, seed)));
        }
        for (Future<Void> run : runs) {
            run.get();
        }
        workers.shutdown();

        Map<String, List<String>> stored = new HashMap<>();
        for (String target = "/contacts?limit=100"; target != null; ) {
            ApiResponse page = api.get(target);
            assertEquals(200, page.status(), page::describe);
            page.json().forEach(contact -> stored.put(contact.path("id").asText(), fields(contact)));
            target = page.header("Link").map(link -> link.substring(1, link.indexOf('>'))).orElse(null);
        }
        assertEquals(expected, stored, "seed " + seed + ": stored contacts are exactly what the accepted requests made");
    }

    /** One worker: its own contacts (so its model of them is exact), its own random stream. */
    private Void fuzz(Random random, int requests, Map<String, List<String>> expected, long seed) {
        var mutator = new RequestMutator(random);
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            Request valid = validRequest(random, mine);
            boolean mutated = random.nextInt(10) < 8;
            Request sent = mutated ? mutator.mutate(valid) : valid;
            ApiResponse response;
            try {
                response = api.send(sent.method(), sent.target(), sent.contentType(), sent.body());
            } catch (AssertionError e) {
                throw new AssertionError("seed " + seed + ", request " + i + ": " + describe(sent) + "\n" + e.getMessage(), e);
            } catch (IllegalArgumentException notAUri) {
                continue; // the mutation made a target Java cannot even send
            }
            assertTrue(response.status() < 500, () -> "seed " + seed + ": " + describe(sent) + " -> " + response.describe());
            if (!mutated) {
                assertTrue(response.status() < 300, () -> "seed " + seed + ": a valid request was refused: "
                        + describe(sent) + " -> " + response.describe());
            }
            record(sent, response, mine, expected);
        }
        return null;
    }

    private static Request validRequest(Random random, List<String> mine) {
        String body = Json.contact("Fuzz " + random.nextInt(1_000_000), random.nextBoolean() ? "f" + random.nextInt(999) + "@example.org" : null,
                random.nextBoolean() ? "+1 555 " + random.nextInt(10_000) : null);
        int choice = mine.isEmpty() ? 0 : random.nextInt(6);
        String id = mine.isEmpty() ? null : mine.get(random.nextInt(mine.size()));
        return switch (choice) {
            case 0, 1 -> new Request("POST", "/contacts", ApiClient.JSON, body.getBytes(UTF_8));
            case 2 -> new Request("PUT", "/contacts/" + id, ApiClient.JSON, body.getBytes(UTF_8));
            case 3 -> new Request("GET", "/contacts/" + id, null, null);
            case 4 -> new Request("GET", "/contacts?limit=" + (1 + random.nextInt(100)), null, null);
            default -> new Request("DELETE", "/contacts/" + id, null, null);
        };
    }

    /** Keeps the model in step with what the app acknowledged. */
    private static void record(Request sent, ApiResponse response, List<String> mine, Map<String, List<String>> expected) {
        if (sent.method().equals("POST") && response.status() == 201) {
            JsonNode contact = response.json();
            mine.add(contact.path("id").asText());
            expected.put(contact.path("id").asText(), fields(contact));
        } else if (sent.method().equals("PUT") && response.status() == 200) {
            expected.put(response.json().path("id").asText(), fields(response.json()));
        } else if (sent.method().equals("DELETE") && response.status() == 204) {
            String path = sent.target().split("\\?", 2)[0]; // a mutated query string does not change what is deleted
            String id = path.substring("/contacts/".length());
            mine.remove(id);
            expected.remove(id);
        }
    }

    private static List<String> fields(JsonNode contact) {
        return List.of(contact.path("name").asText(), String.valueOf(contact.path("email").textValue()),
                String.valueOf(contact.path("phone").textValue()), contact.path("createdAt").asText());
    }

    private static String describe(Request request) {
        String body = request.body() == null ? "" : new String(request.body(), UTF_8);
        return request.method() + " " + request.target() + " [" + request.contentType() + "] "
                + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
    }
}
