package dev.slowfast.blocking;

import java.time.Duration;
import java.util.Map;

/**
 * Everything the app reads from its environment, read once and checked at start-up: a bad value
 * stops the app with a message naming the variable instead of failing later under load.
 *
 * @param shutdownGrace    {@code SHUTDOWN_GRACE_MS}: how long in-flight requests may take to finish on SIGTERM
 * @param maxInFlight      {@code MAX_IN_FLIGHT}: requests handled at once; the next one is shed with a 503
 * @param dbAcquireTimeout {@code DB_ACQUIRE_TIMEOUT_MS}: longest wait for a pooled connection, then a 503
 * @param headerTimeout    {@code HEADER_TIMEOUT_MS}: a new connection must deliver a complete request head by then
 */
public record Config(int port, DatabaseUrl database, int dbPoolSize, ThreadModel threadModel, int workerThreads,
                     Duration shutdownGrace, int maxInFlight, Duration dbAcquireTimeout, Duration headerTimeout) {

    public static final int DEFAULT_PORT = 8081;
    public static final String DEFAULT_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/postgres";
    private static final long HOUR_MS = 3_600_000;

    public Config {
        requireRange("PORT", port, 0, 65_535);
        requireRange("DB_POOL_SIZE", dbPoolSize, 1, 1_000);
        requireRange("WORKER_THREADS", workerThreads, 1, 10_000);
        requireRange("SHUTDOWN_GRACE_MS", shutdownGrace.toMillis(), 0, HOUR_MS);
        requireRange("MAX_IN_FLIGHT", maxInFlight, 1, 1_000_000);
        // HikariCP refuses to wait less than 250 ms for a connection.
        requireRange("DB_ACQUIRE_TIMEOUT_MS", dbAcquireTimeout.toMillis(), 250, HOUR_MS);
        requireRange("HEADER_TIMEOUT_MS", headerTimeout.toMillis(), 1, HOUR_MS);
    }

    public static Config fromEnvironment() {
        return from(System.getenv());
    }

    /** Reads the variables from {@code env}; unset or empty variables take their defaults. */
    public static Config from(Map<String, String> env) {
        return new Config(
                integer(env, "PORT", DEFAULT_PORT),
                DatabaseUrl.parse(string(env, "DATABASE_URL", DEFAULT_DATABASE_URL)),
                integer(env, "DB_POOL_SIZE", 10),
                ThreadModel.parse(string(env, "THREAD_MODEL", "platform")),
                integer(env, "WORKER_THREADS", 200),
                millis(env, "SHUTDOWN_GRACE_MS", 30_000),
                integer(env, "MAX_IN_FLIGHT", 10_000),
                millis(env, "DB_ACQUIRE_TIMEOUT_MS", 1_000),
                millis(env, "HEADER_TIMEOUT_MS", 10_000));
    }

    private static String string(Map<String, String> env, String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static int integer(Map<String, String> env, String name, int fallback) {
        String value = string(env, name, null);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be an integer, got '" + value + "'");
        }
    }

    private static Duration millis(Map<String, String> env, String name, int fallback) {
        return Duration.ofMillis(integer(env, name, fallback));
    }

    private static void requireRange(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", got " + value);
        }
    }
}
