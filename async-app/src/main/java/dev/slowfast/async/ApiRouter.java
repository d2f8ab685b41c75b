package dev.slowfast.async;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;

/** The API's routes in one place: path, method, content type, body limit, handler. */
final class ApiRouter {

    /** 64 KiB; one byte more is a 413. */
    static final long MAX_BODY_BYTES = 64 * 1024;
    private static final String JSON = "application/json";
    /**
     * Statuses Vert.x Web may decide on its own (no route, wrong method, wrong content type, body
     * too large, undecodable query) plus 500, where failed handlers end up; all become problems.
     */
    private static final List<Integer> ERROR_STATUSES = List.of(400, 404, 405, 413, 415, 500);

    private ApiRouter() {
    }

    static Router create(Vertx vertx, InFlightLimit inFlightLimit,
                         LatencyHandlers latency, ContactHandlers contacts, HealthHandlers health) {
        Router router = Router.router(vertx);
        // Ahead of every route: the exact target-length rule (414), exact paths (404), load shedding (503).
        router.route().handler(RequestHeadLimits::checkTarget);
        router.route().handler(ApiRouter::exactPathsOnly);
        router.route().handler(inFlightLimit::handle);
        // Only on routes that take a body, after method and content type matched: that keeps the
        // contract's order 404 -> 405 -> 415 -> 413. No file uploads: JSON is all we accept.
        BodyHandler jsonBody = BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES);

        router.get("/fast").respond(latency::fast);
        router.get("/slow").respond(latency::slow);
        router.get("/slow/db").respond(latency::slowDb);
        router.get("/cpu").respond(latency::cpu);

        router.get("/contacts").respond(contacts::list);
        router.post("/contacts").consumes(JSON).handler(jsonBody).respond(contacts::create);
        router.get("/contacts/:id").respond(contacts::get);
        router.put("/contacts/:id").consumes(JSON).handler(jsonBody).respond(contacts::replace);
        router.delete("/contacts/:id").respond(contacts::delete);

        router.get("/health").respond(health::health);
        router.get("/ready").respond(health::ready);

        ProblemHandler problems = new ProblemHandler(new AllowedMethods(router));
        for (int status : ERROR_STATUSES) {
            router.errorHandler(status, ctx -> problems.handle(ctx, status));
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
}
