package dev.slowfast.downstream;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.OptionalLong;

/**
 * {@code GET /delay?ms=N}: {@code 200 {"ms":N}} after a Vert.x timer of N ms. When the caller
 * closes the connection first, the timer is cancelled and the call counts as cancelled: that is
 * how a test sees that an app really abandoned a call rather than just ignoring its answer.
 */
final class DelayHandler implements Handler<RoutingContext> {

    static final QueryParameter MS = QueryParameter.required("ms", 0, 600_000);

    private final Vertx vertx;
    private final Stats stats;
    private final Faults faults;
    private final CallerConnections callers;

    DelayHandler(Vertx vertx, Stats stats, Faults faults, CallerConnections callers) {
        this.vertx = vertx;
        this.stats = stats;
        this.faults = faults;
        this.callers = callers;
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerResponse response = ctx.response();
        OptionalLong ms = MS.read(ctx.request());
        if (ms.isEmpty()) {
            Answers.badRequest(response, MS.rule());
            return;
        }
        stats.received();
        callers.carried(ctx.request().connection());
        int failure = faults.next();
        if (failure != 0) {
            stats.failed();
            Answers.problem(response, failure, "Injected Failure", "POST /faults asked for this failure.");
            return;
        }
        stats.started();
        long delay = ms.getAsLong();
        // Vert.x timers need at least 1 ms; ms=0 answers on the next tick after 1 ms, which is still "after 0 ms".
        long timer = vertx.setTimer(Math.max(1, delay), fired -> {
            stats.completed();
            Answers.json(response, new JsonObject().put("ms", delay));
        });
        // cancelTimer is true only while the timer is pending: an answered call is never counted twice.
        response.closeHandler(closed -> {
            if (vertx.cancelTimer(timer)) {
                stats.cancelled();
            }
        });
    }
}
