package dev.slowfast.blocking.metrics;

import dev.slowfast.rules.MetricNames;
import io.javalin.http.Context;
import io.javalin.http.RequestLogger;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;

/**
 * {@code http.server.requests}: every request Javalin routed, tagged with its method, route template, status and
 * outcome. It is Javalin's request logger, which runs once the response is written, for every request that
 * reached Javalin (404 and 405 included); the ones Jetty answers before Javalin (a shed request, a refusal while
 * draining, a head over the limits) are not routed and not counted here.
 *
 * <p>The time runs from when Jetty had parsed the request head, so a request that waited suspended for a permit
 * (platform model, all workers busy) shows that wait: it is part of what its client saw.
 *
 * <p>Per request this is a few map and array reads and one {@link Timer#record}: the timers are built once per
 * (route, method, status) and cached, so no tags are built and nothing is allocated on the way.
 */
final class HttpRequestTimer implements RequestLogger {

    /** Methods published as they are; any other token is {@code UNKNOWN}, so odd methods cannot grow the series. */
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS",
            "TRACE", "CONNECT", "QUERY");
    static final String UNKNOWN_METHOD = "UNKNOWN";
    private static final int MIN_STATUS = 100;
    private static final int MAX_STATUS = 599;

    private final MeterRegistry registry;
    /** route template → method → status - 100 → timer. */
    private final ConcurrentMap<String, ConcurrentMap<String, AtomicReferenceArray<Timer>>> timers =
            new ConcurrentHashMap<>();

    HttpRequestTimer(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void handle(Context ctx, Float executionTimeMs) {
        long started = ServletContextRequest.getServletContextRequest(ctx.req()).getHeadersNanoTime();
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        record(ctx.req().getMethod(), endpoint == null ? null : endpoint.path, ctx.statusCode(),
                System.nanoTime() - started);
    }

    /** {@code route} is the matched route template, or null when no route matched (a 404 or 405). */
    void record(String method, String route, int status, long nanos) {
        timer(method, route, status).record(nanos, TimeUnit.NANOSECONDS);
    }

    Timer timer(String method, String route, int status) {
        String uri = route == null ? MetricNames.UNKNOWN_URI : route;
        String knownMethod = METHODS.contains(method) ? method : UNKNOWN_METHOD;
        if (status < MIN_STATUS || status > MAX_STATUS) {
            return register(knownMethod, uri, status); // never happens with Jetty; not worth a slot
        }
        var byMethod = timers.get(uri);
        if (byMethod == null) {
            byMethod = timers.computeIfAbsent(uri, key -> new ConcurrentHashMap<>());
        }
        var byStatus = byMethod.get(knownMethod);
        if (byStatus == null) {
            byStatus = byMethod.computeIfAbsent(knownMethod, key -> new AtomicReferenceArray<>(MAX_STATUS - MIN_STATUS + 1));
        }
        Timer timer = byStatus.get(status - MIN_STATUS);
        if (timer == null) {
            // Racing threads get the same timer: the registry keeps one meter per name and tags.
            timer = register(knownMethod, uri, status);
            byStatus.set(status - MIN_STATUS, timer);
        }
        return timer;
    }

    private Timer register(String method, String uri, int status) {
        return AppMetrics.histogram(Timer.builder(MetricNames.HTTP_SERVER_REQUESTS))
                .description("Requests routed by Javalin, from the parsed head to the written response")
                .tag(MetricNames.METHOD, method)
                .tag(MetricNames.URI, uri)
                .tag(MetricNames.STATUS, Integer.toString(status))
                .tag(MetricNames.OUTCOME, MetricNames.outcome(status))
                .register(registry);
    }
}
