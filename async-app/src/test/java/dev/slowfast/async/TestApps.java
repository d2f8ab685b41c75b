package dev.slowfast.async;

import dev.slowfast.contract.RunningApp;
import dev.slowfast.rules.Environment;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.core.spi.VertxMetricsFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts async-app in-process the way every test here does: on a Vert.x that reports any task
 * holding an event loop for more than {@value #MAX_EVENT_LOOP_MILLIS} ms (the default is 2 s),
 * so {@link FailOnBlockedThread} catches even a short blocking call.
 */
final class TestApps {

    static final long MAX_EVENT_LOOP_MILLIS = 100;
    private static final long CHECK_INTERVAL_MILLIS = 20;
    /** Nothing listens on port 1: connections are refused at once. */
    private static final String NO_DATABASE = "postgresql://postgres@127.0.0.1:1/none";

    private static final String JSON = "application/json";
    /** One of each path through the app that does not need the database to answer. */
    private static final List<WarmUpRequest> WARM_UP_REQUESTS = List.of(
            new WarmUpRequest("GET", "/fast", null, null),
            new WarmUpRequest("GET", "/slow?ms=1", null, null),
            new WarmUpRequest("GET", "/cpu?n=97", null, null),
            new WarmUpRequest("GET", "/ready", null, null),
            new WarmUpRequest("GET", "/metrics", null, null),
            new WarmUpRequest("GET", "/contacts?limit=x", null, null),
            new WarmUpRequest("GET", "/contacts", null, null),
            new WarmUpRequest("GET", "/nowhere", null, null),
            new WarmUpRequest("DELETE", "/fast", null, null),
            new WarmUpRequest("POST", "/contacts", "text/plain", "x"),
            new WarmUpRequest("POST", "/contacts", JSON, "{"),
            new WarmUpRequest("POST", "/contacts", JSON, "{\"name\":\"\"}"),
            new WarmUpRequest("POST", "/contacts", JSON, "{\"name\":\"Warm\"}"));

    private static boolean warmedUp;

    private TestApps() {
    }

    static AsyncApp start(Map<String, String> env) {
        return start(env, null);
    }

    /**
     * {@code metrics} may be null; tests pass one to observe the server from inside. Vert.x takes
     * one metrics factory, and with {@code METRICS=on} the app's own replaces it: such a test runs
     * with {@code METRICS=off}.
     */
    static AsyncApp start(Map<String, String> env, VertxMetricsFactory metrics) {
        warmUpOnce();
        Config config = Config.from(new Environment(env));
        if (metrics != null && config.server().metricsOn()) {
            throw new IllegalArgumentException("a test with a metrics factory of its own runs with METRICS=off");
        }
        VertxOptions options = AsyncApp.vertxOptions(config)
                .setMaxEventLoopExecuteTime(MAX_EVENT_LOOP_MILLIS)
                .setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS)
                .setBlockedThreadCheckInterval(CHECK_INTERVAL_MILLIS)
                .setBlockedThreadCheckIntervalUnit(TimeUnit.MILLISECONDS);
        VertxBuilder builder = Vertx.builder().with(options);
        if (metrics != null) {
            builder.withMetrics(metrics);
        }
        return AsyncApp.start(config, builder, BlockedThreads::watch);
    }

    /** For the contract suites: the app on a free port, as they expect it. */
    static RunningApp running(Map<String, String> env) {
        AsyncApp app = start(env);
        return RunningApp.of(URI.create("http://127.0.0.1:" + app.port()), app);
    }

    /**
     * The first Vert.x app in a JVM loads thousands of classes (Netty, Vert.x, Jackson) and links
     * its lambdas on the event loops, which takes a few hundred ms on a busy machine: a one-time
     * cost of a cold JVM, not code that blocks. So before any watched app starts, one unwatched app
     * (default 2 s limit, Vert.x only logs) answers one request of every kind.
     */
    private static synchronized void warmUpOnce() {
        if (warmedUp) {
            return;
        }
        warmedUp = true;
        try (AsyncApp app = AsyncApp.start(Config.from(new Environment(Map.of("PORT", "0", "DATABASE_URL", NO_DATABASE))));
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            for (WarmUpRequest request : WARM_UP_REQUESTS) {
                http.send(request.toHttp(app.port()), HttpResponse.BodyHandlers.discarding());
            }
        } catch (Exception e) {
            throw new IllegalStateException("warming up the JVM failed", e);
        }
    }

    private record WarmUpRequest(String method, String path, String contentType, String body) {

        HttpRequest toHttp(int port) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            return request.build();
        }
    }
}
