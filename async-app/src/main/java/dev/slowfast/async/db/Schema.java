package dev.slowfast.async.db;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Applies db/schema.sql (from the api-rules jar) unchanged, as one script: the file takes its own
 * transaction and advisory lock, so concurrent start-ups are safe. Applied at start-up and, when
 * the database was down then, by the first request that needs the database once it answers.
 * Not thread-safe on purpose: each verticle instance owns one and only touches it on its event loop.
 */
public final class Schema {

    private static final String RESOURCE = "db/schema.sql";

    private final Pool pool;
    private final String sql;
    private Future<Void> applied;

    Schema(Pool pool, String sql) {
        this.pool = pool;
        this.sql = sql;
    }

    /** The schema file from the classpath; read before deployment so no event loop does file I/O. */
    public static String load() {
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
            applied = pool.query(sql).execute().mapEmpty();
        }
        return applied;
    }
}
