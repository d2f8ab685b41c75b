package dev.slowfast.blocking.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies {@code db/schema.sql} (on the classpath as {@code schema.sql}) once per process: at start-up,
 * or, if PostgreSQL was down then, on the first request that needs the database.
 */
public final class Schema {

    private static final Logger LOG = LoggerFactory.getLogger(Schema.class);

    private final DataSource dataSource;
    private final String sql = load();
    // A lock rather than synchronized: waiting requests may be virtual threads.
    private final ReentrantLock lock = new ReentrantLock();
    private volatile boolean applied;

    public Schema(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Start-up attempt: a database that is down is not an error yet, only a log line. */
    public void tryApply() {
        try {
            ensureApplied();
        } catch (SQLException e) {
            LOG.warn("Database not reachable at start-up ({}); the schema will be applied when it answers", e.getMessage());
        }
    }

    /** Returns at once after the first success; throws while the database does not answer. */
    public void ensureApplied() throws SQLException {
        if (applied) {
            return;
        }
        lock.lock();
        try {
            if (!applied) {
                try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
                    statement.execute(sql);
                }
                applied = true;
                LOG.info("Database schema applied");
            }
        } finally {
            lock.unlock();
        }
    }

    private static String load() {
        try (InputStream in = Schema.class.getResourceAsStream("/schema.sql")) {
            if (in == null) {
                throw new IllegalStateException("schema.sql is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
