package dev.slowfast.rules;

import java.time.Duration;

/**
 * The configuration every app reads, with the same names, defaults and bounds (docs/contract.md).
 * Each app's {@code Config} holds one of these plus its paradigm's own variables.
 *
 * @param port             {@code PORT}: listen port; 0 picks a free port
 * @param database         {@code DATABASE_URL}
 * @param dbPoolSize       {@code DB_POOL_SIZE}: the most database connections the app opens
 * @param shutdownGrace    {@code SHUTDOWN_GRACE_MS}: how long in-flight requests may finish after SIGTERM
 * @param maxInFlight      {@code MAX_IN_FLIGHT}: requests accepted and not yet answered; the next is shed with a 503
 * @param dbAcquireTimeout {@code DB_ACQUIRE_TIMEOUT_MS}: the longest wait for a pooled connection, then a 503
 * @param headerTimeout    {@code HEADER_TIMEOUT_MS}: the time a connection has to deliver each complete request head
 * @param metrics          {@code METRICS}: {@code on} serves {@code /metrics} and records every metric of
 *                         {@link MetricNames}; {@code off} records nothing (to measure what metrics cost)
 */
public record ServerSettings(int port, DatabaseUrl database, int dbPoolSize, Duration shutdownGrace, int maxInFlight,
                             Duration dbAcquireTimeout, Duration headerTimeout, Metrics metrics,
                             DownstreamSettings downstream) {

    /** {@code METRICS}: whether the app measures itself. */
    public enum Metrics { ON, OFF }

    public static final String DEFAULT_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/postgres";
    public static final int DEFAULT_POOL_SIZE = 10;
    public static final int DEFAULT_SHUTDOWN_GRACE_MS = 30_000;
    public static final int DEFAULT_MAX_IN_FLIGHT = 10_000;
    public static final int DEFAULT_DB_ACQUIRE_TIMEOUT_MS = 1_000;
    public static final int DEFAULT_HEADER_TIMEOUT_MS = 10_000;
    private static final int HOUR_MS = 3_600_000;
    /** HikariCP, the strictest of the three pools, refuses to wait less than 250 ms. */
    private static final int MIN_ACQUIRE_TIMEOUT_MS = 250;

    /** Reads the common variables; {@code defaultPort} is the app's own (blocking 8081, async 8082, reactive 8083). */
    public static ServerSettings read(Environment env, int defaultPort) {
        return new ServerSettings(
                env.integer("PORT", defaultPort, 0, 65_535),
                env.parsed("DATABASE_URL", DEFAULT_DATABASE_URL, DatabaseUrl::parse),
                env.integer("DB_POOL_SIZE", DEFAULT_POOL_SIZE, 1, 1_000),
                env.millis("SHUTDOWN_GRACE_MS", DEFAULT_SHUTDOWN_GRACE_MS, 0, HOUR_MS),
                env.integer("MAX_IN_FLIGHT", DEFAULT_MAX_IN_FLIGHT, 1, 1_000_000),
                env.millis("DB_ACQUIRE_TIMEOUT_MS", DEFAULT_DB_ACQUIRE_TIMEOUT_MS, MIN_ACQUIRE_TIMEOUT_MS, HOUR_MS),
                env.millis("HEADER_TIMEOUT_MS", DEFAULT_HEADER_TIMEOUT_MS, 1, HOUR_MS),
                env.choice("METRICS", Metrics.class, Metrics.ON),
                DownstreamSettings.read(env));
    }

    /** {@code METRICS=on} (the default). */
    public boolean metricsOn() {
        return metrics == Metrics.ON;
    }
}
