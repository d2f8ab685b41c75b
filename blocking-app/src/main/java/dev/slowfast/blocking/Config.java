package dev.slowfast.blocking;

import java.util.Map;

/**
 * Everything the app reads from its environment, read once and checked at start-up: a bad value
 * stops the app with a message naming the variable instead of failing later under load.
 */
public record Config(int port, DatabaseUrl database, int dbPoolSize, ThreadModel threadModel, int workerThreads) {

    public static final int DEFAULT_PORT = 8081;
    public static final String DEFAULT_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

    public Config {
        requireRange("PORT", port, 0, 65_535);
        requireRange("DB_POOL_SIZE", dbPoolSize, 1, 1_000);
        requireRange("WORKER_THREADS", workerThreads, 1, 10_000);
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
                integer(env, "WORKER_THREADS", 200));
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

    private static void requireRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", got " + value);
        }
    }
}
