package dev.slowfast.reactive.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * Applies the shared {@code db/schema.sql} (idempotent) as soon as the database answers: tried at
 * start-up and every few seconds after that until it works, and awaited by every database call, so
 * a database that comes back later gets its table before the first query needs it.
 */
@Component
public class Schema implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Schema.class);
    private static final Duration RETRY_EVERY = Duration.ofSeconds(2);

    private final Mono<Void> applied;
    private Disposable background;

    public Schema(DatabaseClient db) {
        String sql = read("db/schema.sql");
        // Success is cached forever; a failure is not cached, so the next caller tries again.
        this.applied = db.sql(sql).then()
                .cache(done -> Duration.ZERO, error -> Duration.ZERO, () -> forever());
    }

    /** Completes once the schema is in place; fails while the database does not answer. */
    public Mono<Void> applied() {
        return applied;
    }

    @EventListener(ApplicationReadyEvent.class)
    void applyInBackground() {
        background = applied
                .retryWhen(Retry.fixedDelay(Long.MAX_VALUE, RETRY_EVERY))
                // Logging writes to stdout, which blocks: keep it off the database's event loop.
                .publishOn(Schedulers.boundedElastic())
                .subscribe(null, null, () -> log.info("Database schema applied"));
    }

    @Override
    public void destroy() {
        if (background != null) {
            background.dispose();
        }
    }

    private static Duration forever() {
        return Duration.ofMillis(Long.MAX_VALUE);
    }

    private static String read(String resource) {
        try (var in = new ClassPathResource(resource).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + " from the classpath", e);
        }
    }
}
