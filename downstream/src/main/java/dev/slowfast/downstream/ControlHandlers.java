package dev.slowfast.downstream;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.OptionalLong;

/** The endpoints a test uses to watch and steer the service: stats, reset, faults, health. */
final class ControlHandlers {

    static final QueryParameter FAIL_EVERY = QueryParameter.required("failEvery", 0, 1_000_000);
    static final QueryParameter STATUS = QueryParameter.optional("status", 400, 599, Faults.DEFAULT_STATUS);

    private final Stats stats;
    private final Faults faults;

    ControlHandlers(Stats stats, Faults faults) {
        this.stats = stats;
        this.faults = faults;
    }

    void stats(RoutingContext ctx) {
        Answers.json(ctx.response(), stats.toJson());
    }

    void reset(RoutingContext ctx) {
        stats.reset();
        faults.off();
        ctx.response().setStatusCode(204).end();
    }

    void faults(RoutingContext ctx) {
        OptionalLong failEvery = FAIL_EVERY.read(ctx.request());
        OptionalLong status = STATUS.read(ctx.request());
        if (failEvery.isEmpty() || status.isEmpty()) {
            Answers.badRequest(ctx.response(), FAIL_EVERY.rule() + " " + STATUS.rule());
            return;
        }
        faults.set(failEvery.getAsLong(), (int) status.getAsLong());
        ctx.response().setStatusCode(204).end();
    }

    /** What test-kit's process launcher waits for before a first request. */
    void health(RoutingContext ctx) {
        Answers.json(ctx.response(), new JsonObject().put("status", "UP"));
    }
}
