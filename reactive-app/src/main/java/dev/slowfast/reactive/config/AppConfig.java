package dev.slowfast.reactive.config;

import java.time.Duration;
import java.util.Map;

/**
 * Everything the app can be told, read once from environment variables (the same ones every
 * slowfast app reads, docs/contract.md). Built from a plain map so tests can pass their own.
 *
 * @param port             {@code PORT}; 0 picks a free port
 * @param database         {@code DATABASE_URL}
 * @param dbPoolSize       {@code DB_POOL_SIZE}: the most connections the pool opens
 * @param shutdownGrace    {@code SHUTDOWN_GRACE_MS}: how long in-flight requests may finish after SIGTERM
 * @param maxInFlight      {@code MAX_IN_FLIGHT}: requests handled at once before the next one is shed
 * @param dbAcquireTimeout {@code DB_ACQUIRE_TIMEOUT_MS}: the longest wait for a pooled connection
 * @param headerTimeout    {@code HEADER_TIMEOUT_MS}: the time a connection has to send a complete request head
 */
public record AppConfig(int port, DatabaseUrl database, int dbPoolSize, Duration shutdownGrace, int maxInFlight,
                        Duration dbAcquireTimeout, Duration headerTimeout) {

    public static final int DEFAULT_PORT = 8083;
    public static final String DEFAULT_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/postgres";
    public static final int DEFAULT_DB_POOL_SIZE = 10;
    public static final int DEFAULT_SHUTDOWN_GRACE_MS = 30_000;
    public static final int DEFAULT_MAX_IN_FLIGHT = 10_000;
    public static final int DEFAULT_DB_ACQUIRE_TIMEOUT_MS = 1_000;
    public static final int DEFAULT_HEADER_TIMEOUT_MS = 10_000;
    private static final Duration ONE_HOUR = Duration.ofHours(1);

    public AppConfig {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("PORT must be 0..65535, was " + port);
        }
        if (dbPoolSize < 1) {
            throw new IllegalArgumentException("DB_POOL_SIZE must be at least 1, was " + dbPoolSize);
        }
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("MAX_IN_FLIGHT must be at least 1, was " + maxInFlight);
        }
        requireWithinAnHour("SHUTDOWN_GRACE_MS", shutdownGrace, Duration.ZERO);
        requireWithinAnHour("DB_ACQUIRE_TIMEOUT_MS", dbAcquireTimeout, Duration.ofMillis(1));
        requireWithinAnHour("HEADER_TIMEOUT_MS", headerTimeout, Duration.ofMillis(1));
    }

    public static AppConfig fromEnvironment(Map<String, String> env) {
        return new AppConfig(
                intVariable(env, "PORT", DEFAULT_PORT),
                DatabaseUrl.parse(variable(env, "DATABASE_URL", DEFAULT_DATABASE_URL)),
                intVariable(env, "DB_POOL_SIZE", DEFAULT_DB_POOL_SIZE),
                millisVariable(env, "SHUTDOWN_GRACE_MS", DEFAULT_SHUTDOWN_GRACE_MS),
                intVariable(env, "MAX_IN_FLIGHT", DEFAULT_MAX_IN_FLIGHT),
                millisVariable(env, "DB_ACQUIRE_TIMEOUT_MS", DEFAULT_DB_ACQUIRE_TIMEOUT_MS),
                millisVariable(env, "HEADER_TIMEOUT_MS", DEFAULT_HEADER_TIMEOUT_MS));
    }

    private static void requireWithinAnHour(String name, Duration value, Duration min) {
        if (value.compareTo(min) < 0 || value.compareTo(ONE_HOUR) > 0) {
            throw new IllegalArgumentException(
                    name + " must be " + min.toMillis() + ".." + ONE_HOUR.toMillis() + ", was " + value.toMillis());
        }
    }

    private static Duration millisVariable(Map<String, String> env, String name, int fallback) {
        return Duration.ofMillis(intVariable(env, name, fallback));
    }

    private static String variable(Map<String, String> env, String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static int intVariable(Map<String, String> env, String name, int fallback) {
        String value = variable(env, name, Integer.toString(fallback));
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be an integer, was '" + value + "'");
        }
    }
}
