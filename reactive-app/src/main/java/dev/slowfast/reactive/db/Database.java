package dev.slowfast.reactive.db;

import java.time.Duration;
import java.util.function.Function;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The database as the handlers use it: Boot's {@link DatabaseClient} on its R2DBC pool
 * (spring.r2dbc.*). Every call's "the database does not answer" leaves here as the 503 problem.
 */
@Component
public class Database {

    /** A ping that takes longer than this means "not ready", whatever the reason. */
    private static final Duration PING_TIMEOUT = Duration.ofSeconds(2);

    private final DatabaseClient client;
    private final Schema schema;

    public Database(DatabaseClient client, Schema schema) {
        this.client = client;
        this.schema = schema;
    }

    /** A query on the contacts table, run once the schema is in place. */
    public <T> Mono<T> query(Function<DatabaseClient, Mono<T>> query) {
        return schema.applied()
                .then(Mono.defer(() -> query.apply(client)))
                .onErrorMap(DatabaseFailures::isUnavailable, DatabaseFailures::unavailable);
    }

    /** Holds a pooled connection while PostgreSQL sleeps: the wait happens in the database. */
    public Mono<Void> sleep(Duration duration) {
        return client.sql("SELECT pg_sleep(:seconds)")
                .bind("seconds", duration.toMillis() / 1000.0)
                .then()
                .onErrorMap(DatabaseFailures::isUnavailable, DatabaseFailures::unavailable);
    }

    /** Completes when PostgreSQL answers a query and the schema is in place. */
    public Mono<Void> ping() {
        return schema.applied()
                .then(client.sql("SELECT 1").then())
                .timeout(PING_TIMEOUT);
    }
}
