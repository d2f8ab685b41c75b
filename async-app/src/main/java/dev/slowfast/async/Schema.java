package dev.slowfast.async;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Applies db/schema.sql, the one schema of slowfast, unchanged. It is applied at start-up, and when
 * the database was down then, by the first request that needs the database once it answers.
 * Not thread-safe on purpose: each verticle instance owns one and only touches it on its event loop.
 */
final class Schema {

    private static final String RESOURCE = "db/schema.sql";
    /**
     * Every verticle instance (and every other app started on the same database) applies the
     * schema. PostgreSQL's CREATE TABLE IF NOT EXISTS is not safe against itself running
     * concurrently, so each application holds this transaction-scoped advisory lock.
     */
    private static final String ONE_AT_A_TIME = "SELECT pg_advisory_xact_lock(5103735)";
    /** "relation already exists, skipping" is the normal case here, not worth a logged notice. */
    private static final String QUIET = "SET LOCAL client_min_messages TO warning";

    private final Pool pool;
    private final String sql;
    private Future<Void> applied;

    Schema(Pool pool, String sql) {
        this.pool = pool;
        this.sql = sql;
    }

    /** The schema file from the classpath; read before deployment so no event loop does file I/O. */
    static String load() {
        try (InputStream in = Schema.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Succeeds at once when the schema is in place; otherwise (re)tries to apply it. */
    Future<Void> ensureApplied() {
        if (applied == null || applied.failed()) {
            // Concurrent callers share the attempt in progress instead of starting their own.
            applied = pool.withTransaction(connection -> connection.query(ONE_AT_A_TIME).execute()
                    .compose(locked -> connection.query(QUIET).execute())
                    .compose(quiet -> connection.query(sql).execute()))
                    .mapEmpty();
        }
        return applied;
    }
}
