package dev.slowfast.blocking.web;

import dev.slowfast.blocking.db.Schema;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;

/** Liveness (the process answers) and readiness (not stopping, PostgreSQL answers, the schema is in place). */
public final class HealthController {

    private static final int VALID_TIMEOUT_SECONDS = 1;

    private final DataSource dataSource;
    private final Schema schema;
    private volatile boolean stopping;

    public HealthController(DataSource dataSource, Schema schema) {
        this.dataSource = dataSource;
        this.schema = schema;
    }

    public void health(Context ctx) {
        ctx.json(Map.of("status", "UP"));
    }

    /** The app is shutting down: not ready any more, whatever the database says. */
    public void stopping() {
        stopping = true;
    }

    public void ready(Context ctx) {
        boolean up = !stopping && databaseAnswers();
        ctx.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json(Map.of("status", up ? "UP" : "DOWN"));
    }

    private boolean databaseAnswers() {
        try {
            schema.ensureApplied(); // ready means every endpoint works, so the table must be there too
            try (var connection = dataSource.getConnection()) {
                return connection.isValid(VALID_TIMEOUT_SECONDS);
            }
        } catch (SQLException e) {
            return false;
        }
    }
}
