package dev.slowfast.blocking.health;

import dev.slowfast.blocking.db.Database;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Liveness (the process answers) and readiness (not stopping, PostgreSQL answers, the schema is in place). */
public final class HealthHandlers {

    private final Database database;
    private final BooleanSupplier stopping;

    public HealthHandlers(Database database, BooleanSupplier stopping) {
        this.database = database;
        this.stopping = stopping;
    }

    public void health(Context ctx) {
        ctx.json(Map.of("status", "UP"));
    }

    public void ready(Context ctx) {
        boolean up = !stopping.getAsBoolean() && database.answers();
        ctx.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json(Map.of("status", up ? "UP" : "DOWN"));
    }
}
