package dev.slowfast.downstream;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;

/** The route table; anything else is a 404 or 405 problem. */
final class Routes {

    private Routes() {
    }

    static Router router(Vertx vertx, Stats stats, Faults faults) {
        Router router = Router.router(vertx);
        var control = new ControlHandlers(stats, faults);
        router.get("/delay").handler(new DelayHandler(vertx, stats, faults, new CallerConnections(stats)));
        router.get("/stats").handler(control::stats);
        router.post("/reset").handler(control::reset);
        router.post("/faults").handler(control::faults);
        router.get("/health").handler(control::health);
        router.errorHandler(404, ctx -> Answers.problem(ctx.response(), 404, "Not Found", "No such endpoint."));
        router.errorHandler(405, ctx -> Answers.problem(ctx.response(), 405, "Method Not Allowed",
                "This endpoint does not take " + ctx.request().method() + "."));
        return router;
    }
}
