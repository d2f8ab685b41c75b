package dev.slowfast.reactive.db;

import dev.slowfast.reactive.config.AppConfig;
import dev.slowfast.reactive.config.DatabaseUrl;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The R2DBC pool, built from our config record. Every wait is bounded so that a database that is
 * down turns into a quick 503 instead of a request that hangs.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

    /** TCP connect to PostgreSQL, and creating a pooled connection as a whole. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);

    @Bean(destroyMethod = "dispose")
    ConnectionPool connectionPool(AppConfig config) {
        DatabaseUrl url = config.database();
        PostgresqlConnectionConfiguration.Builder connection = PostgresqlConnectionConfiguration.builder()
                .host(url.host())
                .port(url.port())
                .database(url.database())
                .username(url.user())
                .applicationName("reactive-app")
                .connectTimeout(CONNECT_TIMEOUT);
        if (url.password() != null) {
            connection.password(url.password());
        }
        return new ConnectionPool(ConnectionPoolConfiguration.builder(new PostgresqlConnectionFactory(connection.build()))
                .name("reactive-app")
                .initialSize(0) // connect lazily: the app must start while the database is down
                .maxSize(config.dbPoolSize())
                .maxCreateConnectionTime(CONNECT_TIMEOUT)
                // DB_ACQUIRE_TIMEOUT_MS: a full pool or a dead database is a 503, not a queue that grows.
                .maxAcquireTime(config.dbAcquireTimeout())
                // r2dbc-pool retries a failed acquisition once by default, which doubles the wait.
                .acquireRetry(0)
                .build());
    }

    @Bean
    DatabaseClient databaseClient(ConnectionPool pool) {
        return DatabaseClient.create(pool);
    }
}
