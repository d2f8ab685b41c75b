package dev.slowfast.async.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /metrics}: the registry in the Prometheus text format. */
public final class MetricsEndpoint {

    private static final CharSequence PROMETHEUS_TEXT =
            HttpHeaders.createOptimized("text/plain; version=0.0.4; charset=utf-8");

    private final PrometheusMeterRegistry registry;

    MetricsEndpoint(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * A route handler. The scrape renders every series, each histogram with its ~70 buckets: a few
     * milliseconds of CPU that grow with the series. On the event loop that would stall every other
     * connection of the loop, and show in the very event-loop delay being scraped; on a worker
     * (unordered: scrapes need not wait for each other) only the scraper waits.
     */
    public void handle(RoutingContext ctx) {
        ctx.vertx().executeBlocking(() -> registry.scrape(), false)
                .onSuccess(text -> ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, PROMETHEUS_TEXT).end(text))
                .onFailure(ctx::fail);
    }
}
