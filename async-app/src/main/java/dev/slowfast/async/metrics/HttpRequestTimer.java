package dev.slowfast.async.metrics;

import dev.slowfast.rules.MetricNames;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.AsyncResult;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * {@code http.server.requests}: one timer per method, route template, status and outcome, started
 * by a router handler right after shedding (so a shed request is never timed) and stopped when the
 * response's last byte is written. The template comes from the route that took the request: each
 * route's first handler notes it. Not {@code RoutingContext.currentRoute()} at the end: a failed
 * request has been routed again, through the failure handlers, and its route is gone by then. A
 * request no route took (an unknown path, a 405) stays {@link MetricNames#UNKNOWN_URI}.
 *
 * <p>Not Vert.x's own HTTP server metrics: they label the raw route ({@code /contacts/:id}), join
 * the routes a request went through, count shed requests and register several meters per request.
 */
public final class HttpRequestTimer {

    private static final String TIMING = "slowfast.requestTiming";
    /** Vert.x Web's {@code :id} is the contract's {@code {id}}. */
    private static final Pattern PATH_PARAMETER = Pattern.compile(":(\\w+)");
    /** Methods outside HTTP's own are one {@code UNKNOWN}, as in Spring: any token is a method, and each would be a series. */
    private static final List<HttpMethod> METHODS = List.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST,
            HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.OPTIONS, HttpMethod.TRACE);
    private static final String UNKNOWN_METHOD = "UNKNOWN";

    /**
     * The v1.3 routes (docs/contract.md, "Calling another service"), until the kernel's
     * {@link MetricNames#ROUTES} lists them too.
     */
    static final List<String> DOWNSTREAM_ROUTES = List.of("/slow/http", "/fanout", "/chain");

    private final RouteTimers unknown;
    private final Map<String, RouteTimers> byTemplate = new HashMap<>();

    HttpRequestTimer(MeterRegistry registry) {
        unknown = new RouteTimers(registry, MetricNames.UNKNOWN_URI);
        for (String template : MetricNames.ROUTES) {
            byTemplate.put(template, new RouteTimers(registry, template));
        }
        for (String template : DOWNSTREAM_ROUTES) {
            byTemplate.putIfAbsent(template, new RouteTimers(registry, template));
        }
    }

    /** A router handler, right after load shedding: the request is timed from here. */
    public void start(RoutingContext ctx) {
        Timing timing = new Timing(ctx, unknown);
        ctx.put(TIMING, timing);
        ctx.addEndHandler(timing); // when the response is written, or the connection is gone
        ctx.next();
    }

    /** Gives the route a first handler that notes its template on the request; returns the route. */
    public Route timed(Route route) {
        RouteTimers timers = byTemplate.get(template(route.getPath()));
        if (timers == null) {
            throw new IllegalArgumentException("route " + route.getPath() + " is not one of MetricNames.ROUTES");
        }
        return route.handler(ctx -> {
            Timing timing = ctx.get(TIMING);
            if (timing != null) {
                timing.route = timers;
            }
            ctx.next();
        });
    }

    /** The contract's template for a Vert.x Web path: {@code /contacts/:id} is {@code /contacts/{id}}. */
    static String template(String path) {
        return path == null ? MetricNames.UNKNOWN_URI : PATH_PARAMETER.matcher(path).replaceAll("{$1}");
    }

    /** One request's start and, once a route has taken it, that route's timers. */
    private static final class Timing implements Handler<AsyncResult<Void>> {

        private final RoutingContext ctx;
        private final long started = System.nanoTime();
        RouteTimers route;

        Timing(RoutingContext ctx, RouteTimers unknown) {
            this.ctx = ctx;
            this.route = unknown;
        }

        @Override
        public void handle(AsyncResult<Void> ended) {
            // A client gone before the answer is timed with the status that was set by then.
            route.timer(ctx.request().method(), ctx.response().getStatusCode())
                    .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    /**
     * The timers of one template, made on first use and then looked up by an int: building a
     * Micrometer id with its tags for every request would cost more than the recording.
     */
    private static final class RouteTimers {

        private final MeterRegistry registry;
        private final String uri;
        private final ConcurrentMap<Integer, Timer> timers = new ConcurrentHashMap<>();

        RouteTimers(MeterRegistry registry, String uri) {
            this.registry = registry;
            this.uri = uri;
        }

        Timer timer(HttpMethod method, int status) {
            int methodIndex = METHODS.indexOf(method); // -1: not one of HTTP's own
            Integer key = status * 16 + methodIndex + 1;
            Timer timer = timers.get(key);
            return timer != null ? timer : timers.computeIfAbsent(key, k -> register(methodIndex, status));
        }

        private Timer register(int methodIndex, int status) {
            return Timer.builder(MetricNames.HTTP_SERVER_REQUESTS)
                    .tag(MetricNames.METHOD, methodIndex < 0 ? UNKNOWN_METHOD : METHODS.get(methodIndex).name())
                    .tag(MetricNames.URI, uri)
                    .tag(MetricNames.STATUS, Integer.toString(status))
                    .tag(MetricNames.OUTCOME, MetricNames.outcome(status))
                    .publishPercentileHistogram()
                    .minimumExpectedValue(MetricNames.HISTOGRAM_MIN)
                    .maximumExpectedValue(MetricNames.HISTOGRAM_MAX)
                    .register(registry);
        }
    }
}
