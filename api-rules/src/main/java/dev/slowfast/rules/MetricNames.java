package dev.slowfast.rules;

import java.time.Duration;
import java.util.List;

/**
 * The metrics every app publishes on {@code GET /metrics}, with the same names and tags in all
 * three (docs/contract.md, "Metrics"). These are Micrometer names; the Prometheus registry turns
 * {@code http.server.requests} into {@code http_server_requests_seconds_*}, a counter into
 * {@code *_total}, and so on. JVM and process metrics come from Micrometer's own binders under
 * their own names and are not repeated here.
 */
public final class MetricNames {

    /** Timer: every routed request, tagged {@link #METHOD}, {@link #URI}, {@link #STATUS}, {@link #OUTCOME}. */
    public static final String HTTP_SERVER_REQUESTS = "http.server.requests";
    /** Gauge: requests counted against {@code MAX_IN_FLIGHT} right now. */
    public static final String REQUESTS_IN_FLIGHT = "slowfast.requests.in.flight";
    /** Counter: requests answered 503 {@code overloaded} because {@code MAX_IN_FLIGHT} was reached. */
    public static final String REQUESTS_SHED = "slowfast.requests.shed";

    /** Gauges of the database pool: connections in use, open and unused, waiters, and the pool's size. */
    public static final String DB_POOL_ACTIVE = "db.pool.connections.active";
    public static final String DB_POOL_IDLE = "db.pool.connections.idle";
    public static final String DB_POOL_PENDING = "db.pool.connections.pending";
    public static final String DB_POOL_MAX = "db.pool.connections.max";
    /** Timer: how long each request for a pooled connection waited for it (also the ones that timed out). */
    public static final String DB_POOL_ACQUIRE = "db.pool.acquire";

    /** Timer (async, reactive): how late a task scheduled every {@link #EVENT_LOOP_PROBE_INTERVAL} runs on each event loop. */
    public static final String EVENT_LOOP_DELAY = "slowfast.event.loop.delay";
    /** How often the event-loop probe is scheduled on each loop. */
    public static final Duration EVENT_LOOP_PROBE_INTERVAL = Duration.ofMillis(100);
    /** Gauge (blocking): requests admitted and waiting for a worker thread (Jetty's thread-pool queue). */
    public static final String REQUESTS_WAITING_FOR_THREAD = "slowfast.requests.waiting.for.thread";
    /** Timer (blocking): virtual threads pinned to their carrier ({@code jdk.VirtualThreadPinned}), Micrometer's name. */
    public static final String VIRTUAL_THREADS_PINNED = "jvm.threads.virtual.pinned";

    public static final String METHOD = "method";
    /** The route template ({@code /contacts/{id}}), never the raw path; {@link #UNKNOWN_URI} when no route matched. */
    public static final String URI = "uri";
    public static final String STATUS = "status";
    /** {@code SUCCESS}, {@code CLIENT_ERROR}, {@code SERVER_ERROR}, {@code INFORMATIONAL}, {@code REDIRECTION}. */
    public static final String OUTCOME = "outcome";
    public static final String UNKNOWN_URI = "UNKNOWN";

    /** The route templates {@link #URI} takes. */
    public static final List<String> ROUTES = List.of("/fast", "/slow", "/slow/db", "/cpu", "/contacts",
            "/contacts/{id}", "/health", "/ready", "/metrics");

    /**
     * Every timer above publishes a Prometheus histogram with Micrometer's percentile buckets from
     * this minimum to {@link #HISTOGRAM_MAX}, so a scraper can compute any percentile of a window
     * from two scrapes, and the buckets are the same in every app.
     */
    public static final Duration HISTOGRAM_MIN = Duration.ofMillis(1);
    public static final Duration HISTOGRAM_MAX = Duration.ofSeconds(60);

    /** The path the metrics are served on: never shed (like /health and /ready), refused after SIGTERM like any request. */
    public static final String PATH = "/metrics";

    private MetricNames() {
    }

    /** The {@link #OUTCOME} of a status, as Micrometer and Spring name it. */
    public static String outcome(int status) {
        if (status < 200) {
            return "INFORMATIONAL";
        } else if (status < 300) {
            return "SUCCESS";
        } else if (status < 400) {
            return "REDIRECTION";
        } else if (status < 500) {
            return "CLIENT_ERROR";
        }
        return "SERVER_ERROR";
    }
}
