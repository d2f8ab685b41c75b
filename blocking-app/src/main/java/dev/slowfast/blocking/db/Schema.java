package dev.slowfast.blocking.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the kernel's {@code db/schema.sql}, unchanged and as one script: at start-up, or, if PostgreSQL was
 * down then, on the first request that needs the database. The script takes its own advisory lock, so requests
 * or processes applying it at the same time are safe without a lock here.
 */
final class Schema {

    private static final Logger LOG = LoggerFactory.getLogger(Schema.class);
    private static final String SQL = load("/db/schema.sql");

    private final DataSource dataSource;
    private volatile boolean applied;

    Schema(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Start-up attempt: a database that is down is not an error yet, only a log line. */
    void tryApply() {
        try {
            ensureApplied();
        } catch (SQLException e) {
            LOG.warn("Database not reachable at start-up ({}); the schema will be applied when it answers", e.getMessage());
        }
    }

    /** Returns at once after the first success; throws while the database does not answer. */
    void ensureApplied() throws SQLException {
        if (!applied) {
            try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
                statement.execute(SQL);
            }
            applied = true;
            LOG.info("Database schema applied");
        }
    }

    private static String load(String resource) {
        try (InputStream in = Schema.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath (it comes with api-rules)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
