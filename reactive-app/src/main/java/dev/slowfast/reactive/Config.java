package dev.slowfast.reactive;

import dev.slowfast.rules.DatabaseUrl;
import dev.slowfast.rules.Environment;
import dev.slowfast.rules.ServerSettings;
import java.util.HashMap;
import java.util.Map;

/**
 * reactive-app's configuration: the variables every app reads, with the kernel's defaults and
 * bounds. This app has none of its own.
 */
public record Config(ServerSettings server) {

    public static final int DEFAULT_PORT = 8083;

    public static Config from(Environment env) {
        return new Config(ServerSettings.read(env, DEFAULT_PORT));
    }

    /**
     * The accepted values under the names application.properties' placeholders use. Boot's own
     * settings are derived from this record, not read from the environment a second time, so the two
     * cannot disagree (Boot would take a blank PORT as "", or " 80" unstripped; the kernel does not).
     */
    Map<String, Object> properties() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("PORT", server.port());
        properties.put("DB_POOL_SIZE", server.dbPoolSize());
        properties.put("SHUTDOWN_GRACE_MS", server.shutdownGrace().toMillis());
        properties.put("DB_ACQUIRE_TIMEOUT_MS", server.dbAcquireTimeout().toMillis());
        // true or false, for Boot's switches (application.properties' management.*) and AppMetrics.
        properties.put("METRICS", server.metricsOn());
        // Not "r2dbc:" + DATABASE_URL: R2DBC's URL parser form-decodes the user info (a '+' in a
        // password becomes a space), libpq does not. The kernel parses it; R2DBC gets the parts.
        DatabaseUrl database = server.database();
        properties.put("spring.r2dbc.url", database.r2dbcUrl());
        // libpq's default user is the OS user; R2DBC has no default and refuses to connect without one.
        properties.put("spring.r2dbc.username", database.user() != null ? database.user() : System.getProperty("user.name"));
        if (database.password() != null) {
            properties.put("spring.r2dbc.password", database.password());
        }
        return properties;
    }
}
