package dev.slowfast.async;

import io.vertx.pgclient.PgConnectOptions;
import java.util.Map;

/**
 * The app's whole configuration, read once from environment variables (docs/contract.md).
 * Built from a plain map so tests can pass their own instead of {@link System#getenv()}.
 *
 * @param port               {@code PORT}, 0 picks a free port
 * @param databaseUrl        {@code DATABASE_URL}, {@code postgresql://user:password@host:port/db}
 * @param dbPoolSize         {@code DB_POOL_SIZE}, the most connections the one shared pool opens
 * @param eventLoops         {@code EVENT_LOOPS}, event-loop threads, each running one verticle instance
 * @param shutdownGraceMs    {@code SHUTDOWN_GRACE_MS}, how long in-flight requests may finish after SIGTERM
 * @param maxInFlight        {@code MAX_IN_FLIGHT}, requests handled at once before shedding with 503
 * @param dbAcquireTimeoutMs {@code DB_ACQUIRE_TIMEOUT_MS}, longest wait for a pooled database connection
 * @param headerTimeoutMs    {@code HEADER_TIMEOUT_MS}, time a new connection has to deliver its request head
 */
public record Config(int port, String databaseUrl, int dbPoolSize, int eventLoops,
                     int shutdownGraceMs, int maxInFlight, int dbAcquireTimeoutMs, int headerTimeoutMs) {

    static final int DEFAULT_PORT = 8082;
    static final String DEFAULT_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/postgres";
    static final int DEFAULT_DB_POOL_SIZE = 10;
    static final int DEFAULT_SHUTDOWN_GRACE_MS = 30_000;
    static final int DEFAULT_MAX_IN_FLIGHT = 10_000;
    static final int DEFAULT_DB_ACQUIRE_TIMEOUT_MS = 1_000;
    static final int DEFAULT_HEADER_TIMEOUT_MS = 10_000;
    private static final int ONE_HOUR_MS = 3_600_000;

    public Config {
        requireInRange("PORT", port, 0, 65_535);
        requireInRange("DB_POOL_SIZE", dbPoolSize, 1, 1_000);
        requireInRange("EVENT_LOOPS", eventLoops, 1, 1_024);
        requireInRange("SHUTDOWN_GRACE_MS", shutdownGraceMs, 0, ONE_HOUR_MS);
        requireInRange("MAX_IN_FLIGHT", maxInFlight, 1, 1_000_000);
        requireInRange("DB_ACQUIRE_TIMEOUT_MS", dbAcquireTimeoutMs, 1, ONE_HOUR_MS);
        requireInRange("HEADER_TIMEOUT_MS", headerTimeoutMs, 1, ONE_HOUR_MS);
        if (!databaseUrl.startsWith("postgresql://") && !databaseUrl.startsWith("postgres://")) {
            throw new IllegalArgumentException("DATABASE_URL must start with postgresql:// or postgres://");
        }
        try {
            PgConnectOptions.fromUri(databaseUrl);
        } catch (IllegalArgumentException e) {
            // The parser's message may echo the URL, password included: say only what is wrong.
            throw new IllegalArgumentException("DATABASE_URL is not a valid postgresql://user:password@host:port/db URL");
        }
    }

    /** Reads the variables from {@code env}; a missing or blank variable takes its default. */
    public static Config fromEnvironment(Map<String, String> env) {
        return new Config(
                intVariable(env, "PORT", DEFAULT_PORT),
                stringVariable(env, "DATABASE_URL", DEFAULT_DATABASE_URL),
                intVariable(env, "DB_POOL_SIZE", DEFAULT_DB_POOL_SIZE),
                intVariable(env, "EVENT_LOOPS", Runtime.getRuntime().availableProcessors()),
                intVariable(env, "SHUTDOWN_GRACE_MS", DEFAULT_SHUTDOWN_GRACE_MS),
                intVariable(env, "MAX_IN_FLIGHT", DEFAULT_MAX_IN_FLIGHT),
                intVariable(env, "DB_ACQUIRE_TIMEOUT_MS", DEFAULT_DB_ACQUIRE_TIMEOUT_MS),
                intVariable(env, "HEADER_TIMEOUT_MS", DEFAULT_HEADER_TIMEOUT_MS));
    }

    /** Where and how to connect; a new object each time because Vert.x options are mutable. */
    PgConnectOptions connectOptions() {
        return PgConnectOptions.fromUri(databaseUrl);
    }

    private static String stringVariable(Map<String, String> env, String name, String defaultValue) {
        String value = env.get(name);
        return value == null || value.isBlank() ? defaultValue : value.strip();
    }

    private static int intVariable(Map<String, String> env, String name, int defaultValue) {
        String value = stringVariable(env, name, null);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be an integer, not '" + value + "'");
        }
    }

    private static void requireInRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", not " + value);
        }
    }
}
