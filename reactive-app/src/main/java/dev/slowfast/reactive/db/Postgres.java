package dev.slowfast.reactive.db;

import java.time.Duration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Database calls that belong to no resource: a readiness ping and a wait done by the server. */
@Component
public class Postgres {

    /** A ping that takes longer than this means "not ready", whatever the reason. */
    private static final Duration PING_TIMEOUT = Duration.ofSeconds(2);

    private final DatabaseClient db;
    private final Schema schema;

    public Postgres(DatabaseClient db, Schema schema) {
        this.db = db;
        this.schema = schema;
    }

    /** Completes when PostgreSQL answers a query and the schema is in place. */
    public Mono<Void> ping() {
        return schema.applied()
                .then(db.sql("SELECT 1").then())
                .timeout(PING_TIMEOUT);
    }

    /** Holds a pooled connection while PostgreSQL sleeps: the wait happens in the database. */
    public Mono<Void> sleep(Duration duration) {
        return db.sql("SELECT pg_sleep(:seconds)")
                .bind("seconds", duration.toMillis() / 1000.0)
                .then();
    }
}
