package dev.slowfast.blocking.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.slowfast.blocking.Config;

/** The HikariCP pool every database call goes through. */
public final class ConnectionPool {

    private static final long VALIDATION_TIMEOUT_MS = 500;

    private ConnectionPool() {
    }

    public static HikariDataSource create(Config config) {
        var hikari = new HikariConfig();
        hikari.setPoolName("postgres");
        hikari.setJdbcUrl(config.database().jdbcUrl());
        hikari.setUsername(config.database().user());
        hikari.setPassword(config.database().password());
        hikari.setMaximumPoolSize(config.dbPoolSize());
        // Start even when PostgreSQL is down; the pool keeps trying in the background.
        hikari.setInitializationFailTimeout(-1);
        // A request waits at most DB_ACQUIRE_TIMEOUT_MS for a connection, then gets a 503 instead of hanging.
        long acquireMs = config.dbAcquireTimeout().toMillis();
        hikari.setConnectionTimeout(acquireMs);
        // Checking a pooled connection is part of acquiring it, so it must not take longer.
        hikari.setValidationTimeout(Math.min(VALIDATION_TIMEOUT_MS, acquireMs));
        // pgjdbc waits 10 s for a TCP connect by default; an unreachable host should fail sooner.
        hikari.addDataSourceProperty("connectTimeout", "2");
        hikari.addDataSourceProperty("ApplicationName", "slowfast-blocking-app");
        return new HikariDataSource(hikari);
    }
}
