package dev.slowfast.blocking.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import dev.slowfast.rules.DatabaseUrl;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/** PostgreSQL through a HikariCP pool: every database call of the app goes through here, and blocks its thread. */
public final class Database implements AutoCloseable {

    private static final long VALIDATION_TIMEOUT_MS = 500;
    private static final int PING_TIMEOUT_SECONDS = 1;

    private final HikariDataSource pool;
    private final Schema schema;

    private Database(HikariDataSource pool) {
        this.pool = pool;
        this.schema = new Schema(pool);
    }

    /** Opens the pool and applies the schema if PostgreSQL answers; starts all the same when it does not. */
    public static Database open(DatabaseUrl url, int maxConnections, Duration acquireTimeout) {
        return open(url, maxConnections, acquireTimeout, null);
    }

    /** As {@link #open(DatabaseUrl, int, Duration)}, the pool reporting to {@code metrics} (none if null). */
    public static Database open(DatabaseUrl url, int maxConnections, Duration acquireTimeout,
                                MetricsTrackerFactory metrics) {
        var hikari = new HikariConfig();
        hikari.setPoolName("postgres");
        hikari.setJdbcUrl(url.jdbcUrl());
        hikari.setUsername(url.user());
        hikari.setPassword(url.password());
        hikari.setMaximumPoolSize(maxConnections);
        // Start even when PostgreSQL is down; the pool keeps trying in the background.
        hikari.setInitializationFailTimeout(-1);
        // A request waits at most DB_ACQUIRE_TIMEOUT_MS for a connection, then gets a 503 instead of hanging.
        hikari.setConnectionTimeout(acquireTimeout.toMillis());
        // Checking a pooled connection is part of acquiring it, so it must not take longer.
        hikari.setValidationTimeout(Math.min(VALIDATION_TIMEOUT_MS, acquireTimeout.toMillis()));
        // pgjdbc waits 10 s for a TCP connect by default; an unreachable host should fail sooner.
        hikari.addDataSourceProperty("connectTimeout", "2");
        hikari.addDataSourceProperty("ApplicationName", "slowfast-blocking-app");
        if (metrics != null) {
            hikari.setMetricsTrackerFactory(metrics); // must be set before the pool starts, in the constructor below
        }
        var database = new Database(new HikariDataSource(hikari));
        database.schema.tryApply();
        return database;
    }

    /** A pooled connection to a database whose schema is in place (applied now if PostgreSQL was down at start-up). */
    public Connection connection() throws SQLException {
        schema.ensureApplied();
        return pool.getConnection();
    }

    /** Waits {@code ms} inside PostgreSQL, holding a pooled connection (and the calling thread) all along. */
    public void sleep(int ms) throws SQLException {
        try (var connection = pool.getConnection(); var sleep = connection.prepareStatement("SELECT pg_sleep(?)")) {
            sleep.setDouble(1, ms / 1000.0);
            sleep.execute();
        }
    }

    /** The running pool's live counts (connections in use, idle, requests waiting), for the metrics. */
    public HikariPoolMXBean poolStatus() {
        return pool.getHikariPoolMXBean();
    }

    /** Readiness: PostgreSQL answers and the schema is in place, so every endpoint can work. */
    public boolean answers() {
        try (var connection = connection()) {
            return connection.isValid(PING_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
