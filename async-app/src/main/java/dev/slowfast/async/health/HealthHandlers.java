package dev.slowfast.async.health;

import dev.slowfast.async.db.Database;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.function.BooleanSupplier;

/** Liveness ({@code /health}: the process answers) and readiness ({@code /ready}: so does PostgreSQL). */
public final class HealthHandlers {

    private final Database database;
    private final BooleanSupplier shuttingDown;

    public HealthHandlers(Database database, BooleanSupplier shuttingDown) {
        this.database = database;
        this.shuttingDown = shuttingDown;
    }

    public Future<JsonObject> health(RoutingContext ctx) {
        return Future.succeededFuture(status("UP"));
    }

    /**
     * Also applies the schema if the database has just come back, so readiness means "ready for
     * contacts". Never ready once shutting down, whatever the database says.
     */
    public Future<JsonObject> ready(RoutingContext ctx) {
        Future<Void> ping = shuttingDown.getAsBoolean() ? Future.failedFuture("shutting down") : database.ping();
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
