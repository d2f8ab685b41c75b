package dev.slowfast.reactive.config;

import java.util.Map;

/**
 * Everything the app can be told, read once from environment variables (the same ones every
 * slowfast app reads). Built from a plain map so tests can pass their own.
 */
public record AppConfig(int port, DatabaseUrl database, int dbPoolSize) {

    public static final int DEFAULT_PORT = 8083;
    public static final String DEFAULT_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/postgres";
    public static final int DEFAULT_DB_POOL_SIZE = 10;

    public AppConfig {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("PORT must be 0..65535, was " + port);
        }
        if (dbPoolSize < 1) {
            throw new IllegalArgumentException("DB_POOL_SIZE must be at least 1, was " + dbPoolSize);
        }
    }

    public static AppConfig fromEnvironment(Map<String, String> env) {
        return new AppConfig(
                intVariable(env, "PORT", DEFAULT_PORT),
                DatabaseUrl.parse(variable(env, "DATABASE_URL", DEFAULT_DATABASE_URL)),
                intVariable(env, "DB_POOL_SIZE", DEFAULT_DB_POOL_SIZE));
    }

    /** A copy listening on another port; tests use 0 to get a free one. */
    public AppConfig withPort(int newPort) {
        return new AppConfig(newPort, database, dbPoolSize);
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
