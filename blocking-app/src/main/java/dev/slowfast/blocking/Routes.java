package dev.slowfast.blocking;

import dev.slowfast.blocking.contacts.ContactHandlers;
import dev.slowfast.blocking.contacts.ContactRepository;
import dev.slowfast.blocking.db.Database;
import dev.slowfast.blocking.downstream.DownstreamClient;
import dev.slowfast.blocking.downstream.DownstreamHandlers;
import dev.slowfast.blocking.downstream.FanoutThreads;
import dev.slowfast.blocking.health.HealthHandlers;
import dev.slowfast.blocking.jetty.ClientConnection;
import dev.slowfast.blocking.jetty.ClientDisconnects;
import dev.slowfast.blocking.jetty.UnreadBodies;
import dev.slowfast.blocking.json.StrictJson;
import dev.slowfast.blocking.latency.CpuPool;
import dev.slowfast.blocking.latency.LatencyHandlers;
import dev.slowfast.blocking.metrics.AppMetrics;
import dev.slowfast.blocking.problems.ErrorMapping;
import dev.slowfast.rules.MetricNames;
import dev.slowfast.rules.RequestLimits;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson3;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/** The route table: every path and method of the API, the handler for it, and Javalin's 404/405 and error mapping. */
public final class Routes {

    /** Liveness and readiness probes: never shed, and still answered while the server drains. */
    public static final Set<String> PROBES = Set.of("/health", "/ready");

    private Routes() {
    }

    /**
     * {@code cpuPool} runs {@code /cpu}'s work; {@code downstream} makes the calls of {@code /slow/http}, {@code /fanout}
     * and {@code /chain}, a fan-out's on {@code fanoutThreads}, and {@code disconnects} aborts them when the client
     * leaves; {@code stopping} turns {@code /ready} DOWN; {@code metrics}, when present ({@code METRICS=on}), times
     * every routed request and serves {@code /metrics}.
     */
    public static void register(JavalinConfig config, Database database, CpuPool cpuPool, DownstreamClient downstream,
                                FanoutThreads fanoutThreads, ClientDisconnects disconnects, BooleanSupplier stopping,
                                Optional<AppMetrics> metrics) {
        config.jsonMapper(new JavalinJackson3(StrictJson.MAPPER, false));
        config.http.maxRequestSize = RequestLimits.MAX_BODY_BYTES; // beyond it Javalin throws a 413, worded by ErrorMapping
        config.http.prefer405over404 = true;                    // a known path with the wrong method is a 405
        config.router.ignoreTrailingSlashes = false;            // /fast/ is not /fast: the contract knows only the latter

        var latency = new LatencyHandlers(database, cpuPool, ctx -> ClientConnection.hasGone(ctx.req()));
        var calls = new DownstreamHandlers(downstream, fanoutThreads,
                (ctx, onGone) -> disconnects.watch(ctx.req(), onGone)::close);
        var contacts = new ContactHandlers(new ContactRepository(database));
        var health = new HealthHandlers(database, stopping);
        var routes = config.routes;
        routes.get("/fast", latency::fast);
        routes.get("/slow", latency::slow);
        routes.get("/slow/db", latency::slowDb);
        routes.get("/cpu", latency::cpu);
        routes.get("/slow/http", calls::slowHttp);
        routes.get("/fanout", calls::fanout);
        routes.get("/chain", calls::chain);
        routes.post("/contacts", contacts::create);
        routes.get("/contacts", contacts::list);
        routes.get("/contacts/{id}", contacts::get);
        routes.put("/contacts/{id}", contacts::update);
        routes.delete("/contacts/{id}", contacts::delete);
        routes.get("/health", health::health);
        routes.get("/ready", health::ready);
        metrics.ifPresent(m -> {
            routes.get(MetricNames.PATH, m::scrape);
            config.requestLogger.http(m.requestTimer()); // runs once the response is written, for every routed request
        });
        ErrorMapping.register(routes, new ErrorMapping.UnreadBody() {
            @Override
            public boolean isLeftUnread(Context ctx) {
                return UnreadBodies.isLeftUnread(ctx.req());
            }

            @Override
            public void drainAfterAnswer(Context ctx) {
                UnreadBodies.drainAfterAnswer(ctx.req());
            }
        });
    }
}
