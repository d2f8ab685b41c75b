package dev.slowfast.reactive.db;

import io.r2dbc.spi.Result;
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
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Applies the kernel's {@code db/schema.sql} as soon as the database answers: tried at start-up and
 * every few seconds after that until it works, and awaited by every query, so a database that comes
 * back later gets its table before the first query needs it.
 */
@Component
class Schema implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Schema.class);
    private static final Duration RETRY_EVERY = Duration.ofSeconds(2);
    private static final Duration FOREVER = Duration.ofMillis(Long.MAX_VALUE);

    private final Mono<Void> applied;
    private Disposable background;

    Schema(DatabaseClient db) {
        String script = read("db/schema.sql");
        // One statement holding the whole file (BEGIN; lock; ...; COMMIT), straight to the driver:
        // without bindings r2dbc-postgresql sends it as one simple query, which may hold several
        // commands, and Spring's named-parameter parsing never sees it. Each command's result is drained.
        Mono<Void> apply = db.inConnectionMany(connection -> Flux.from(connection.createStatement(script).execute())
                        .flatMap(Result::getRowsUpdated))
                .then();
        // Success is cached forever; a failure is not cached, so the next caller tries again.
        this.applied = apply.cache(value -> FOREVER, error -> Duration.ZERO, () -> FOREVER);
    }

    /** Completes once the schema is in place; fails while the database does not answer. */
    Mono<Void> applied() {
        return applied;
    }

    @EventListener(ApplicationReadyEvent.class)
    void applyInBackground() {
        background = applied
                .retryWhen(Retry.fixedDelay(Long.MAX_VALUE, RETRY_EVERY))
                .subscribe(null, null, () -> log.info("Database schema applied"));
    }

    @Override
    public void destroy() {
        if (background != null) {
            background.dispose();
        }
    }

    private static String read(String resource) {
        try (var in = new ClassPathResource(resource).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + " from the classpath", e);
        }
    }
}
