package dev.slowfast.reactive.health;

import dev.slowfast.reactive.db.Postgres;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** Liveness (the process answers) and readiness (PostgreSQL answers and has our schema). */
@Component
public class HealthHandler {

    private static final Status UP = new Status("UP");
    private static final Status DOWN = new Status("DOWN");

    private final Postgres postgres;

    public HealthHandler(Postgres postgres) {
        this.postgres = postgres;
    }

    public Mono<ServerResponse> health(ServerRequest request) {
        return ServerResponse.ok().bodyValue(UP);
    }

    public Mono<ServerResponse> ready(ServerRequest request) {
        return postgres.ping()
                .then(ServerResponse.ok().bodyValue(UP))
                .onErrorResume(down -> ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE).bodyValue(DOWN));
    }

    record Status(String status) {
    }
}
