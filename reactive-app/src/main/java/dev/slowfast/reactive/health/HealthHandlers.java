package dev.slowfast.reactive.health;

import dev.slowfast.reactive.db.Database;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Liveness (the process answers) and readiness (not shutting down, and PostgreSQL answers and has
 * our schema). Boot turns its readiness state to REFUSING_TRAFFIC as the first step of closing the
 * context, before the graceful shutdown waits for in-flight requests, so from SIGTERM on /ready
 * says DOWN at once on every connection still open.
 */
@Component
public class HealthHandlers {

    private static final Status UP = new Status("UP");
    private static final Status DOWN = new Status("DOWN");

    private final Database database;
    private final ApplicationAvailability availability;

    public HealthHandlers(Database database, ApplicationAvailability availability) {
        this.database = database;
        this.availability = availability;
    }

    public Mono<ServerResponse> health(ServerRequest request) {
        return ServerResponse.ok().bodyValue(UP);
    }

    public Mono<ServerResponse> ready(ServerRequest request) {
        if (availability.getReadinessState() != ReadinessState.ACCEPTING_TRAFFIC) {
            return down();
        }
        return database.ping()
                .then(ServerResponse.ok().bodyValue(UP))
                .onErrorResume(unreachable -> down());
    }

    private static Mono<ServerResponse> down() {
        return ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE).bodyValue(DOWN);
    }

    record Status(String status) {
    }
}
