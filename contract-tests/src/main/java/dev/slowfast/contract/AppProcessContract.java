package dev.slowfast.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slowfast.rules.ConfigurationException;
import dev.slowfast.testkit.AppProcess;
import dev.slowfast.testkit.PostgresServer;
import dev.slowfast.testkit.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The promises under stress (docs/contract.md, "Under stress"), checked on the app's jar running
 * as its own process: graceful shutdown on SIGTERM, load shedding, bounded waits for the database,
 * recovery from a database outage, slow-header clients, and no acknowledged write lost. Extend it
 * and say where the jar is; each case starts its own process with the environment it needs.
 */
public abstract class AppProcessContract {

    private static final Set<Integer> CLEAN_EXIT = Set.of(0, 143);
    /** "Within a few seconds": a JVM and its framework starting on a busy build machine, then exiting. */
    private static final Duration BAD_CONFIGURATION_EXIT = Duration.ofSeconds(20);

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private TestDatabase database;

    /** The app's runnable jar, relative to the module directory, e.g. {@code target/async-app.jar}. */
    protected abstract Path jar();

    /** Extra environment for every start, e.g. {@code THREAD_MODEL=virtual}. */
    protected Map<String, String> environment() {
        return Map.of();
    }

    @BeforeEach
    void freshDatabase() {
        database = PostgresServer.shared().createDatabase();
        toClose.add(database);
    }

    @AfterEach
    void stopEverything() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
        toClose.clear();
    }

    private AppProcess start(String databaseUrl, String... nameValues) throws Exception {
        Map<String, String> env = new HashMap<>(environment());
        env.put("DATABASE_URL", databaseUrl);
        for (int i = 0; i < nameValues.length; i += 2) {
            env.put(nameValues[i], nameValues[i + 1]);
        }
        AppProcess app = AppProcess.start(jar(), env);
        toClose.add(0, app); // stop apps before dropping their database
        return app;
    }

    @Test
    void sigtermLetsInFlightRequestsFinishThenExitsCleanly() throws Exception {
        AppProcess app = start(database.url(), "SHUTDOWN_GRACE_MS", "15000");
        ApiClient api = new ApiClient(app.baseUri());
        List<CompletableFuture<ApiResponse>> inFlight = IntStream.range(0, 5)
                .mapToObj(i -> api.getAsync("/slow?ms=2500")).toList();
        Thread.sleep(700);

        long signalled = System.nanoTime();
        app.terminate();
        Thread.sleep(150); // the JVM needs a few ms to deliver SIGTERM to its shutdown hooks

        for (int i = 0; i < 10 && app.isAlive(); i++) {
            Integer readyStatus = statusOrNull(api, "/ready");
            assertNotEquals(Integer.valueOf(200), readyStatus, "after SIGTERM the app is no longer ready");
            Thread.sleep(100);
        }
        for (var request : inFlight) {
            ApiResponse response = request.join();
            assertEquals(200, response.status(), () -> "an in-flight request was cut: " + response.describe() + "\n" + app.output());
        }
        int exit = app.awaitExit(Duration.ofSeconds(20));
        assertTrue(CLEAN_EXIT.contains(exit), () -> "exit status " + exit + " (-1: still running)\n" + app.output());
        assertTrue(Duration.ofNanos(System.nanoTime() - signalled).toMillis() >= 1500,
                "the process waited for its in-flight requests before exiting");
    }

    @Test
    void sigtermLosesNoAcknowledgedContactAndStoresNoUnacknowledgedOne() throws Exception {
        AppProcess app = start(database.url());
        ApiClient api = new ApiClient(app.baseUri());
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Set<String> attempted = ConcurrentHashMap.newKeySet();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService writers = Executors.newFixedThreadPool(8);
        for (int w = 0; w < 8; w++) {
            int writer = w;
            writers.submit(() -> {
                for (int i = 0; !stop.get(); i++) {
                    String name = "writer " + writer + " #" + i;
                    attempted.add(name);
                    try {
                        ApiResponse response = api.post("/contacts", Json.object("name", name));
                        if (response.status() == 201) {
                            acknowledged.add(name);
                        }
                    } catch (AssertionError | RuntimeException connectionGone) {
                        if (!app.isAlive()) {
                            return;
                        }
                        sleep(10); // shutting down: not accepting any more
                    }
                }
            });
        }
        Thread.sleep(1500);
        app.terminate();
        int exit = app.awaitExit(Duration.ofSeconds(40));
        stop.set(true);
        writers.shutdown();
        assertTrue(writers.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS));
        assertTrue(CLEAN_EXIT.contains(exit), () -> "exit status " + exit + "\n" + app.output());
        assertTrue(acknowledged.size() > 10, "writes were acknowledged before the signal: " + acknowledged.size());

        AppProcess restarted = start(database.url());
        Set<String> stored = new HashSet<>();
        for (JsonNode contact : listAll(new ApiClient(restarted.baseUri()))) {
            stored.add(contact.path("name").asText());
        }
        Set<String> lost = new HashSet<>(acknowledged);
        lost.removeAll(stored);
        Set<String> unacknowledged = new HashSet<>(stored);
        unacknowledged.removeAll(acknowledged);
        assertTrue(lost.isEmpty(), () -> "acknowledged (201) but not stored: " + lost);
        assertTrue(unacknowledged.isEmpty(), () -> "stored without a 201: " + unacknowledged);
    }

    @Test
    void overTheInFlightLimitRequestsGet503OverloadedAtOnceWhileAdmittedOnesCarryOn() throws Exception {
        AppProcess app = start(database.url(), "MAX_IN_FLIGHT", "4");
        ApiClient api = new ApiClient(app.baseUri());
        api.get("/nope"); // a first problem response, so the shed ones below measure shedding, not class loading
        List<CompletableFuture<ApiResponse>> admitted = IntStream.range(0, 4)
                .mapToObj(i -> api.getAsync("/slow?ms=2500")).toList();
        Thread.sleep(700);

        for (int i = 0; i < 3; i++) {
            ApiResponse shed = api.get("/fast");
            Problems.assertProblem(shed, Problems.OVERLOADED);
            assertEquals("1", shed.header("Retry-After").orElse(""), shed::describe);
            // "at once" means without waiting for a slot, which would take the admitted requests' 2.5 s
            assertTrue(shed.elapsed().toMillis() < 1500, () -> "shed at once, not after " + shed.elapsed().toMillis() + " ms");
        }
        assertEquals(200, api.get("/health").status(), "/health is never shed");
        assertEquals(200, api.get("/ready").status(), "/ready is never shed");
        admitted.forEach(request -> assertEquals(200, request.join().status()));
        assertEquals(200, api.get("/fast").status(), "below the limit again");
    }

    @Test
    void aFullPoolAnswers503AfterTheAcquireTimeoutThenServesAgain() throws Exception {
        AppProcess app = start(database.url(), "DB_POOL_SIZE", "2", "DB_ACQUIRE_TIMEOUT_MS", "500");
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
        TcpProxy proxy = new TcpProxy(database.databaseUrl().host(), database.databaseUrl().port());
        toClose.add(proxy);
        AppProcess app = start(database.urlVia("127.0.0.1", proxy.port()));
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
        assertEquals(200, back.status(), "recovered by itself within 20 s: " + back.describe());
        assertEquals("Survivor", back.json().path("name").asText());
        assertEquals(200, api.get("/ready").status());
        assertFalse(listAll(api).stream().anyMatch(c -> c.path("name").asText().equals("Lost in the outage")));
    }

    @Test
    void aClientTricklingItsHeadersIsDisconnectedWhileOthersAreServed() throws Exception {
        AppProcess app = start(database.url(), "HEADER_TIMEOUT_MS", "1000");
        ApiClient api = new ApiClient(app.baseUri());
        try (Socket slowloris = new Socket(app.baseUri().getHost(), app.baseUri().getPort())) {
            slowloris.setSoTimeout(100);
            OutputStream out = slowloris.getOutputStream();
            InputStream in = slowloris.getInputStream();
            out.write("GET /fast HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Trickle: ".getBytes(StandardCharsets.US_ASCII));
            long started = System.nanoTime();
            boolean ended = false;
            while (!ended && Duration.ofNanos(System.nanoTime() - started).toSeconds() < 8) {
                try {
                    out.write('a');
                    out.flush();
                    in.read(); // an answer (e.g. 408) or the end of the stream: the server ended it
                    ended = true;
                } catch (SocketTimeoutException stillWaiting) {
                    ApiResponse fast = api.get("/fast");
                    assertEquals(200, fast.status());
                    assertTrue(fast.elapsed().toMillis() < 1000, "others are served meanwhile");
                } catch (IOException reset) {
                    ended = true;
                }
            }
            long took = Duration.ofNanos(System.nanoTime() - started).toMillis();
            assertTrue(ended, "the trickling connection was still open after 8 s");
            assertTrue(took < 5000, () -> "disconnected after " + took + " ms with HEADER_TIMEOUT_MS=1000");
        }
        assertEquals(200, api.get("/fast").status());
    }

    /**
     * Bad configuration is refused at start-up, the same way in every app: exit status 2, a message
     * naming the variable, and never the password of a DATABASE_URL it could not use.
     */
    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"PORT, 65536", "MAX_IN_FLIGHT, 0", "DB_ACQUIRE_TIMEOUT_MS, 100", "DB_POOL_SIZE, abc",
            "DATABASE_URL, mysql://u:s3cret@h/db"})
    void badConfigurationExitsWithStatus2NamingTheVariable(String variable, String value) throws Exception {
        AppProcess app = AppProcess.launcher(jar()).env(environment()).env("DATABASE_URL", database.url())
                .env(variable, value).start();
        toClose.add(0, app);

        int exit = app.awaitExit(BAD_CONFIGURATION_EXIT);

        assertEquals(ConfigurationException.EXIT_STATUS, exit, () -> variable + "=" + value + ": exit status " + exit
                + " (-1: still running after " + BAD_CONFIGURATION_EXIT.toSeconds() + " s)\n" + app.output());
        assertTrue(app.output().contains(variable), () -> "the message names " + variable + ":\n" + app.output());
        assertFalse(app.output().contains("s3cret"), () -> "the output shows the password:\n" + app.output());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Integer statusOrNull(ApiClient api, String target) {
        try {
            return api.get(target).status();
        } catch (AssertionError | RuntimeException refused) {
            return null; // no longer accepting connections: also not ready
        }
    }

    private static List<JsonNode> listAll(ApiClient api) {
        List<JsonNode> all = new ArrayList<>();
        for (String target = "/contacts?limit=100"; target != null; ) {
            ApiResponse page = api.get(target);
            assertEquals(200, page.status(), page::describe);
            page.json().forEach(all::add);
            target = page.header("Link").map(link -> link.substring(1, link.indexOf('>'))).orElse(null);
        }
        return all;
    }
}
