package dev.slowfast.async;

import dev.slowfast.async.contacts.ContactHandlers;
import dev.slowfast.async.contacts.ContactRepository;
import dev.slowfast.async.db.Database;
import dev.slowfast.async.downstream.DownstreamClient;
import dev.slowfast.async.downstream.DownstreamHandlers;
import dev.slowfast.async.health.HealthHandlers;
import dev.slowfast.async.latency.CpuPool;
import dev.slowfast.async.latency.LatencyHandlers;
import dev.slowfast.async.metrics.AppMetrics;
import dev.slowfast.async.vertx.FrameworkErrors;
import dev.slowfast.async.vertx.GracefulShutdown;
import dev.slowfast.async.vertx.InFlightLimit;
import dev.slowfast.rules.MetricNames;
import dev.slowfast.rules.RequestLimits;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import java.util.function.UnaryOperator;

/** The route table: path, method, content type, body limit, handler; Vert.x Web's own 404, 405 and 413. */
final class Routes {

    private static final String JSON = "application/json";
    /**
     * Statuses Vert.x Web decides on its own (no route, wrong method, wrong content type, body too
     * large, no Host header) plus 500, where failed handlers end up; all become problems.
     */
    private static final List<Integer> ERROR_STATUSES = List.of(400, 404, 405, 413, 415, 500);

    private Routes() {
    }

    /** {@code metrics} is null with {@code METRICS=off}: then nothing is timed and there is no {@code /metrics}. */
    static Router create(Vertx vertx, Database database, DownstreamClient downstreamClient, CpuPool cpuPool,
                         InFlightLimit inFlightLimit, GracefulShutdown shutdown, AppMetrics metrics) {
        var latency = new LatencyHandlers(vertx, database, cpuPool);
        var contacts = new ContactHandlers(new ContactRepository(database));
        var downstream = new DownstreamHandlers(downstreamClient);
        var health = new HealthHandlers(database, shutdown::underway);

        Router router = Router.router(vertx);
        // Ahead of every route: load shedding (503) first of all, then the request timer (so a shed
        // request is never timed), then exact paths (404).
        router.route().order(InFlightLimit.ORDER).handler(inFlightLimit::handle);
        // Each route below goes through timed: its first handler notes its template for the timer.
        UnaryOperator<Route> timed = metrics == null ? UnaryOperator.identity() : metrics.requests()::timed;
        if (metrics != null) {
            router.route().order(InFlightLimit.ORDER + 1).handler(metrics.requests()::start);
        }
        router.route().handler(Routes::exactPathsOnly);
        // Only on routes that take a body, after method and content type matched: that keeps the
        // contract's order 404 -> 405 -> 415 -> 413. No file uploads: JSON is all we accept.
        BodyHandler jsonBody = BodyHandler.create(false).setBodyLimit(RequestLimits.MAX_BODY_BYTES);
        // Handlers that read the query get it decoded first: bad percent-encoding is a 400 there.

        timed.apply(router.get("/fast")).respond(latency::fast);
        timed.apply(router.get("/slow")).handler(FrameworkErrors::decodeQuery).respond(latency::slow);
        timed.apply(router.get("/slow/db")).handler(FrameworkErrors::decodeQuery).respond(latency::slowDb);
        timed.apply(router.get("/cpu")).handler(FrameworkErrors::decodeQuery).respond(latency::cpu);
        timed.apply(router.get("/slow/http")).handler(FrameworkErrors::decodeQuery).respond(downstream::slowHttp);
        timed.apply(router.get("/fanout")).handler(FrameworkErrors::decodeQuery).respond(downstream::fanout);
        timed.apply(router.get("/chain")).handler(FrameworkErrors::decodeQuery).respond(downstream::chain);

        timed.apply(router.get("/contacts")).handler(FrameworkErrors::decodeQuery).respond(contacts::list);
        // jsonOnly has a route of its own: Vert.x puts BodyHandler first in one (and refuses a timed
        // note ahead of it), so the route before notes the template for both.
        timed.apply(router.post("/contacts")).handler(Routes::jsonOnly);
        router.post("/contacts").handler(jsonBody).respond(contacts::create);
        timed.apply(router.get("/contacts/:id")).respond(contacts::get);
        timed.apply(router.put("/contacts/:id")).handler(Routes::jsonOnly);
        router.put("/contacts/:id").handler(jsonBody).respond(contacts::update);
        timed.apply(router.delete("/contacts/:id")).respond(contacts::delete);

        timed.apply(router.get("/health")).respond(health::health);
        timed.apply(router.get("/ready")).respond(health::ready);
        if (metrics != null) {
            timed.apply(router.get(MetricNames.PATH)).handler(metrics.endpoint()::handle);
        }

        FrameworkErrors.noteAllowedMethods(router);
        for (int status : ERROR_STATUSES) {
            router.errorHandler(status, ctx -> FrameworkErrors.respond(ctx, status));
        }
        return router;
    }

    /**
     * Vert.x Web lets {@code /fast} match {@code /fast/} too; the contract knows only the former,
     * and every app answers the latter with 404 (so {@code DELETE /contacts/{id}/} deletes nothing).
     */
    private static void exactPathsOnly(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if (path.length() > 1 && path.endsWith("/")) {
            ctx.fail(404);
        } else {
            ctx.next();
        }
    }

    /**
     * 415 unless the body is declared {@code application/json}: type and subtype compared without
     * regard to case, parameters ignored (RFC 9110, 8.3.1). Not {@code Route.consumes}: it compares
     * case-sensitively and treats the request's own type as a pattern, so it refused
     * {@code Application/JSON} and accepted <code>&#42;/&#42;</code>, {@code json} and
     * {@code application/jsonx}.
     */
    private static void jsonOnly(RoutingContext ctx) {
        String contentType = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].strip();
        if (mediaType.equalsIgnoreCase(JSON)) {
            ctx.next();
        } else {
            ctx.fail(415);
        }
    }
}
