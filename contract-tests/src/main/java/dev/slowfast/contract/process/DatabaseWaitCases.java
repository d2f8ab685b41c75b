package dev.slowfast.contract.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slowfast.contract.ApiClient;
import dev.slowfast.contract.ApiResponse;
import dev.slowfast.contract.Json;
import dev.slowfast.contract.Problems;
import dev.slowfast.contract.TcpProxy;
import dev.slowfast.testkit.AppProcess;
import dev.slowfast.testkit.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Bounded waits for the database (docs/contract.md, "Database" and {@code DB_ACQUIRE_TIMEOUT_MS}). */
public abstract class DatabaseWaitCases extends ProcessCases {

    @Test
    void aFullPoolAnswers503AfterTheAcquireTimeoutThenServesAgain() throws Exception {
        AppProcess app = apps().start("DB_POOL_SIZE", "2", "DB_ACQUIRE_TIMEOUT_MS", "500");
        ApiClient api = new ApiClient(app.baseUri());
        List<CompletableFuture<ApiResponse>> holding = IntStream.range(0, 2)
                .mapToObj(i -> api.getAsync("/slow/db?ms=3000")).toList();
        Thread.sleep(800);

        ApiResponse waited = api.get("/slow/db?ms=0");

        Problems.assertProblem(waited, Problems.DATABASE_UNAVAILABLE);
        assertTrue(waited.elapsed().toMillis() >= 400 && waited.elapsed().toMillis() < 2500,
                () -> "gave up after the 500 ms acquire timeout, not " + waited.elapsed().toMillis() + " ms");
        holding.forEach(request -> assertEquals(200, request.join().status()));
        assertEquals(200, api.get("/slow/db?ms=0").status(), "connections are free again");
    }

    @Test
    void aDatabaseOutageGives503sAndTheAppRecoversByItself() throws Exception {
        TestDatabase database = apps().database();
        TcpProxy proxy = apps().closeAfterwards(new TcpProxy(database.databaseUrl().host(), database.databaseUrl().port()));
        AppProcess app = apps().startOn(database.urlVia("127.0.0.1", proxy.port()));
        ApiClient api = new ApiClient(app.baseUri());
        String id = api.post("/contacts", Json.object("name", "Survivor")).json().path("id").asText();

        proxy.cut();
        for (String target : List.of("/contacts", "/contacts/" + id, "/slow/db?ms=0")) {
            ApiResponse response = api.get(target);
            Problems.assertProblem(response, Problems.DATABASE_UNAVAILABLE);
            assertTrue(response.elapsed().toMillis() < 5000, () -> "answered within seconds: " + response.describe());
        }
        Problems.assertProblem(api.post("/contacts", Json.object("name", "Lost in the outage")), Problems.DATABASE_UNAVAILABLE);
        assertEquals(503, api.get("/ready").status());
        assertEquals(200, api.get("/fast").status(), "the app itself is fine");

        proxy.restore();
        ApiResponse back = null;
        for (long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos(); System.nanoTime() < deadline; ) {
            back = api.get("/contacts/" + id);
            if (back.status() == 200) {
                break;
            }
            Thread.sleep(250);
        }
        ApiResponse recovered = back;
        assertEquals(200, recovered.status(), () -> "recovered by itself within 20 s: " + recovered.describe());
        assertEquals("Survivor", recovered.json().path("name").asText());
        assertEquals(200, api.get("/ready").status());
        assertFalse(listAll(api).stream().anyMatch(c -> c.path("name").asText().equals("Lost in the outage")));
    }
}
