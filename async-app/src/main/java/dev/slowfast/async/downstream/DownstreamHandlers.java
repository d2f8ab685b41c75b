package dev.slowfast.async.downstream;

import dev.slowfast.rules.QueryRules;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The microservice rung: {@code /slow/http} makes one downstream call, {@code /fanout} K at once
 * ({@code Future.all}), {@code /chain} K one after another ({@code compose}). No thread waits for
 * any of them. Each request's calls form one {@link OutstandingCalls}: the first failure of a
 * fan-out cancels the others, a failed call ends a chain, and a client that goes away cancels
 * whatever is still under way.
 */
public final class DownstreamHandlers {

    private final DownstreamClient client;

    public DownstreamHandlers(DownstreamClient client) {
        this.client = client;
    }

    public Future<JsonObject> slowHttp(RoutingContext ctx) {
        long ms = QueryRules.MS.parse(ctx.request().getParam("ms"));
        return client.delay(ms, outstanding(ctx))
                .map(answered -> new JsonObject().put("message", "That was slow!").put("ms", ms));
    }

    public Future<JsonObject> fanout(RoutingContext ctx) {
        long calls = QueryRules.CALLS.parse(ctx.request().getParam("calls"));
        long ms = QueryRules.MS.parse(ctx.request().getParam("ms"));
        OutstandingCalls outstanding = outstanding(ctx);
        long started = System.nanoTime();
        List<Future<Void>> all = new ArrayList<>((int) calls);
        for (int i = 0; i < calls; i++) {
            all.add(client.delay(ms, outstanding));
        }
        // Future.all fails with the first failure; the calls still under way are not wanted any more.
        return Future.all(all)
                .onFailure(first -> outstanding.cancelAll())
                .map(done -> summary(calls, ms, started));
    }

    public Future<JsonObject> chain(RoutingContext ctx) {
        long calls = QueryRules.CALLS.parse(ctx.request().getParam("calls"));
        long ms = QueryRules.MS.parse(ctx.request().getParam("ms"));
        OutstandingCalls outstanding = outstanding(ctx);
        long started = System.nanoTime();
        // Each next call starts only when the one before succeeded: a failure skips the rest.
        Future<Void> chain = client.delay(ms, outstanding);
        for (int i = 1; i < calls; i++) {
            chain = chain.compose(previous -> client.delay(ms, outstanding));
        }
        return chain.map(done -> summary(calls, ms, started));
    }

    /**
     * The request's calls, cancelled when its response ends: on a client gone before its answer
     * (Vert.x Web runs end handlers on the connection's close too), and harmlessly after an answer.
     * A connection that closed before this handler ran calls no end handler any more: its request
     * makes no call at all.
     */
    private static OutstandingCalls outstanding(RoutingContext ctx) {
        var outstanding = new OutstandingCalls();
        ctx.addEndHandler(ended -> outstanding.cancelAll());
        if (ctx.response().closed()) {
            outstanding.cancelAll();
        }
        return outstanding;
    }

    private static JsonObject summary(long calls, long ms, long startedNanos) {
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
        return new JsonObject().put("calls", calls).put("ms", ms).put("elapsedMs", elapsedMs);
    }
}
