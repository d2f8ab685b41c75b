package dev.slowfast.contract.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slowfast.contract.ApiClient;
import dev.slowfast.contract.ApiResponse;
import dev.slowfast.contract.Problems;
import dev.slowfast.contract.RawHttp.Connection;
import dev.slowfast.contract.RawHttp.Exchange;
import dev.slowfast.contract.RawHttp.Request;
import dev.slowfast.testkit.AppProcess;
import dev.slowfast.testkit.PrometheusText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /metrics} (docs/contract.md, "Metrics"): the same Prometheus names and labels in every
 * app, and they move with what the app did: a request counts once under its route template, a shed
 * request counts as shed, the in-flight gauge follows the requests, and the endpoint itself is never
 * shed. The names are written here from the contract, never taken
 * from the apps' code.
 */
public abstract class MetricsCases extends ProcessCases {

    /** Every app: HTTP, shedding, the database pool, the JVM and the process. */
    static final List<String> COMMON = List.of(
            "http_server_requests_seconds_bucket", "http_server_requests_seconds_count", "http_server_requests_seconds_sum",
            "slowfast_requests_in_flight", "slowfast_requests_shed_total",
            "db_pool_connections_active", "db_pool_connections_idle", "db_pool_connections_pending",
            "db_pool_connections_max", "db_pool_acquire_seconds_bucket", "db_pool_acquire_seconds_count",
            "jvm_gc_pause_seconds_count", "jvm_gc_pause_seconds_sum",
            "jvm_memory_used_bytes", "jvm_memory_committed_bytes", "jvm_memory_max_bytes", "jvm_memory_usage_after_gc",
            "jvm_threads_live_threads", "process_cpu_usage", "process_cpu_time_ns_total");

    private static final Duration RECORDED_WITHIN = Duration.ofSeconds(5);

    /**
     * After a request of each kind (so that GC, pool and HTTP series exist), every common metric
     * and this paradigm's pressure metrics are there, the histograms have an {@code +Inf} bucket,
     * and the pool's size is {@code DB_POOL_SIZE}.
     */
    @Test
    void everyCommonMetricAndThisParadigmsPressureMetricsArePublished() throws Exception {
        AppProcess app = apps().start("DB_POOL_SIZE", "3");
        var api = new ApiClient(app.baseUri());
        assertEquals(200, api.get("/fast").status());
        assertEquals(200, api.get("/contacts").status());
        assertEquals(200, api.get("/slow/db?ms=1").status());
        collectGarbage(app); // Micrometer's GC binder publishes its series at the app's first collection

        List<String> expected = new ArrayList<>(COMMON);
        expected.addAll(apps().pressureMetrics());
        PrometheusText scrape = awaitScrape(app, text -> expected.stream().allMatch(text::has));
        List<String> missing = expected.stream().filter(name -> !scrape.has(name)).toList();
        assertTrue(missing.isEmpty(), () -> "GET /metrics lacks " + missing + " (docs/contract.md, \"Metrics\")");

        assertEquals(3, scrape.sum("db_pool_connections_max", Map.of()), "db_pool_connections_max is DB_POOL_SIZE");
        assertTrue(scrape.sum("db_pool_acquire_seconds_count", Map.of()) >= 2,
                "GET /contacts and /slow/db each took a pooled connection: db_pool_acquire_seconds_count >= 2");
        for (String histogram : List.of("http_server_requests_seconds", "db_pool_acquire_seconds")) {
            assertFalse(scrape.find(histogram + "_bucket", Map.of("le", "+Inf")).isEmpty(),
                    histogram + " is a histogram with an +Inf bucket");
        }
        var fast = scrape.find("http_server_requests_seconds_count",
                Map.of("method", "GET", "uri", "/fast", "status", "200", "outcome", "SUCCESS"));
        assertEquals(1, fast.size(), () -> "one series for GET /fast 200 with exactly method, uri, status, outcome: " + fast);
        assertEquals(List.of("method", "outcome", "status", "uri"),
                fast.getFirst().labels().keySet().stream().sorted().toList(), "the labels of http_server_requests_seconds");
    }

    /**
     * A {@code GET /contacts/{id}} for an unknown id adds exactly one to that route's 404 series,
     * under the template, and an unknown path one to {@code UNKNOWN}; neither raw path appears in
     * any label.
     */
    @Test
    void aRequestCountsOnceUnderItsRouteTemplateNeverItsRawPath() throws Exception {
        AppProcess app = apps().start();
        var api = new ApiClient(app.baseUri());
        Map<String, String> contact404 = Map.of("method", "GET", "uri", "/contacts/{id}", "status", "404");
        Map<String, String> unknown404 = Map.of("method", "GET", "uri", "UNKNOWN", "status", "404");
        PrometheusText before = scrape(app);

        String id = UUID.randomUUID().toString();
        String strayPath = "/no-such-path-" + UUID.randomUUID();
        assertEquals(404, api.get("/contacts/" + id).status());
        assertEquals(404, api.get(strayPath).status());

        double contactsBefore = before.sum("http_server_requests_seconds_count", contact404);
        double unknownBefore = before.sum("http_server_requests_seconds_count", unknown404);
        PrometheusText after = awaitScrape(app, text ->
                text.sum("http_server_requests_seconds_count", contact404) >= contactsBefore + 1
                        && text.sum("http_server_requests_seconds_count", unknown404) >= unknownBefore + 1);
        assertEquals(contactsBefore + 1, after.sum("http_server_requests_seconds_count", contact404),
                "one GET /contacts/{id} → 404 adds exactly one to its series");
        assertEquals(unknownBefore + 1, after.sum("http_server_requests_seconds_count", unknown404),
                "one GET of an unknown path adds exactly one to uri=\"UNKNOWN\"");
        for (PrometheusText.Sample sample : after.samples()) {
            for (String value : sample.labels().values()) {
                assertFalse(value.contains(id) || value.contains(strayPath.substring(1)),
                        () -> "a raw path in a label: " + sample);
            }
        }
    }

    /**
     * With {@code MAX_IN_FLIGHT=2} and two {@code /slow} requests in flight, the in-flight gauge
     * says 2, {@code /metrics} still answers (never shed), the next {@code /fast} is shed and the
     * shed counter goes up by exactly one; when the slow ones are done the gauge is back at 0.
     */
    @Test
    void theInFlightGaugeFollowsRequestsAndAShedRequestCountsAsShed() throws Exception {
        AppProcess app = apps().start("MAX_IN_FLIGHT", "2");
        var api = new ApiClient(app.baseUri());
        double shedBefore = scrape(app).sum("slowfast_requests_shed_total", Map.of());

        List<CompletableFuture<ApiResponse>> slow = List.of(api.getAsync("/slow?ms=3000"), api.getAsync("/slow?ms=3000"));
        PrometheusText full = awaitScrape(app, text -> text.sum("slowfast_requests_in_flight", Map.of()) == 2);
        assertEquals(2, full.sum("slowfast_requests_in_flight", Map.of()),
                "two /slow in flight: slowfast_requests_in_flight is 2 (and /metrics answered at the limit)");
        ApiResponse shed = api.get("/fast");
        assertTrue(isShed(shed), () -> "at MAX_IN_FLIGHT=2 the next /fast is shed: " + shed.describe());

        PrometheusText afterShed = awaitScrape(app, text -> text.sum("slowfast_requests_shed_total", Map.of()) >= shedBefore + 1);
        assertEquals(shedBefore + 1, afterShed.sum("slowfast_requests_shed_total", Map.of()),
                "one shed request adds exactly one to slowfast_requests_shed_total");
        for (CompletableFuture<ApiResponse> request : slow) {
            ApiResponse answer = request.get();
            assertTrue(isSlowAnswer(answer, 3000), answer::describe);
        }
        PrometheusText idle = awaitScrape(app, text -> text.sum("slowfast_requests_in_flight", Map.of()) == 0);
        assertEquals(0, idle.sum("slowfast_requests_in_flight", Map.of()), "back to 0 in flight once both are answered");
        assertEquals(0, idle.sum("http_server_requests_seconds_count", Map.of("uri", "/fast", "status", "503")),
                "a shed request is counted as shed only, not as a routed /fast");
    }

    /**
     * With {@code DB_POOL_SIZE=1}, one {@code /slow/db} holds the only connection and a second waits
     * for it: the pool shows 1 active and 1 pending; when both are answered, 0 active and 0 pending,
     * and the acquire histogram has counted both waits, one of them about as long as the first hold.
     */
    @Test
    void aRequestWaitingForThePoolShowsAsPendingAndItsWaitIsTimed() throws Exception {
        // the waiter waits ~2 s: longer than the default 1 s acquire deadline, which would answer it 503
        AppProcess app = apps().start("DB_POOL_SIZE", "1", "DB_ACQUIRE_TIMEOUT_MS", "5000");
        var api = new ApiClient(app.baseUri());
        awaitReady(api); // the schema is applied: no start-up query takes a connection inside the counted window
        assertEquals(200, api.get("/slow/db?ms=1").status()); // the pool's one connection is open
        PrometheusText before = scrape(app);
        double acquiredBefore = before.sum("db_pool_acquire_seconds_count", Map.of());
        double waitedBefore = before.sum("db_pool_acquire_seconds_sum", Map.of());

        CompletableFuture<ApiResponse> holder = api.getAsync("/slow/db?ms=2000");
        awaitScrape(app, text -> text.sum("db_pool_connections_active", Map.of()) == 1);
        CompletableFuture<ApiResponse> waiter = api.getAsync("/slow/db?ms=1");
        PrometheusText busy = awaitScrape(app, text -> text.sum("db_pool_connections_pending", Map.of()) == 1);
        assertEquals(1, busy.sum("db_pool_connections_active", Map.of()), "one /slow/db holds the only connection");
        assertEquals(1, busy.sum("db_pool_connections_pending", Map.of()), "the second /slow/db waits for it");

        ApiResponse held = holder.get();
        assertTrue(isSlowAnswer(held, 2000), () -> "the holder is answered: " + held.describe());
        ApiResponse waited1 = waiter.get();
        assertTrue(isSlowAnswer(waited1, 1), () -> "the waiter is answered once the connection is free: " + waited1.describe());
        PrometheusText after = awaitScrape(app, text -> text.sum("db_pool_connections_active", Map.of()) == 0
                && text.sum("db_pool_acquire_seconds_count", Map.of()) >= acquiredBefore + 2);
        assertEquals(0, after.sum("db_pool_connections_pending", Map.of()), "nobody waits any more");
        assertEquals(acquiredBefore + 2, after.sum("db_pool_acquire_seconds_count", Map.of()),
                "both requests' waits for a connection are counted once each");
        double waited = after.sum("db_pool_acquire_seconds_sum", Map.of()) - waitedBefore;
        assertTrue(waited >= 0.5 && waited < 10, "the waiter waited for most of the holder's 2 s: " + waited + " s in all");
    }

    /** {@code METRICS=off}: nothing is served on {@code /metrics} (404) and the rest works as ever. */
    @Test
    void metricsOffServesNoMetrics() throws Exception {
        AppProcess app = apps().start("METRICS", "off");
        var api = new ApiClient(app.baseUri());
        assertEquals(200, api.get("/fast").status());
        ApiResponse metrics = api.get("/metrics");
        assertTrue(isProblem(metrics, 404, Problems.NOT_FOUND), () -> "METRICS=off: /metrics is a 404: " + metrics.describe());
    }

    private static void awaitReady(ApiClient api) throws InterruptedException {
        long deadline = System.nanoTime() + RECORDED_WITHIN.toNanos() * 4;
        int status = api.get("/ready").status();
        while (status != 200 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            status = api.get("/ready").status();
        }
        assertEquals(200, status, "the app became ready within " + RECORDED_WITHIN.toSeconds() * 4 + " s");
    }

    /** A full GC in the app's JVM, through the JDK's {@code jcmd} next to the {@code java} that runs these tests. */
    private static void collectGarbage(AppProcess app) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        assertTrue(Files.isExecutable(jcmd), () -> "the metrics cases trigger a GC in the app with " + jcmd
                + ", which this JDK lacks: run the tests on a full JDK (21+), not a JRE");
        Process gc = new ProcessBuilder(jcmd.toString(), String.valueOf(app.pid()), "GC.run").redirectErrorStream(true).start();
        String out = new String(gc.getInputStream().readAllBytes());
        assertTrue(gc.waitFor(30, TimeUnit.SECONDS) && gc.exitValue() == 0, () -> "jcmd " + app.pid() + " GC.run: " + out);
    }

    private static PrometheusText scrape(AppProcess app) {
        ApiResponse response = new ApiClient(app.baseUri()).get("/metrics");
        assertEquals(200, response.status(), () -> "GET /metrics: " + response.describe());
        assertTrue(response.mediaType().equals("text/plain"), () -> "GET /metrics is text/plain: " + response.describe());
        return PrometheusText.parse(response.body());
    }

    /** Scrapes until the condition holds or {@link #RECORDED_WITHIN} has passed; returns the last scrape either way. */
    private static PrometheusText awaitScrape(AppProcess app, Predicate<PrometheusText> condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + RECORDED_WITHIN.toNanos();
        PrometheusText last = scrape(app);
        while (!condition.test(last) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            last = scrape(app);
        }
        return last;
    }
}
