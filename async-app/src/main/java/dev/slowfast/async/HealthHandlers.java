package dev.slowfast.async;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Liveness ({@code /health}: the process answers) and readiness ({@code /ready}: so does PostgreSQL). */
final class HealthHandlers {

    private final Database database;
    private final Lifecycle lifecycle;

    HealthHandlers(Database database, Lifecycle lifecycle) {
        this.database = database;
        this.lifecycle = lifecycle;
    }

    Future<JsonObject> health(RoutingContext ctx) {
        return Future.succeededFuture(status("UP"));
    }

    /**
     * Also applies the schema if the database has just come back, so readiness means "ready for
     * contacts". Never ready once shutting down, whatever the database says.
     */
    Future<JsonObject> ready(RoutingContext ctx) {
        Future<Void> ping = lifecycle.shuttingDown()
                ? Future.failedFuture("shutting down")
                : database.ping();
        return ping
                .map(up -> status("UP"))
                .otherwise(down -> {
                    ctx.response().setStatusCode(503);
                    return status("DOWN");
                });
    }

    private static JsonObject status(String status) {
        return new JsonObject().put("status", status);
    }
}
