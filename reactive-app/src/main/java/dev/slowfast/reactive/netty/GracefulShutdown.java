package dev.slowfast.reactive.netty;

import dev.slowfast.rules.ApiProblem;
import dev.slowfast.rules.ProblemDetails;
import dev.slowfast.rules.ProblemType;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The one piece SIGTERM's drain needs beyond Boot's own (server.shutdown=graceful, the readiness
 * flip, spring.lifecycle.timeout-per-shutdown-phase): once shutdown has begun, a request that still
 * arrives on a kept-alive connection is refused with a 503 before it does anything. Reactor Netty's
 * graceful shutdown waits only for exchanges already under way and closes connections it finds
 * idle; a request racing in on one would otherwise be cut after its INSERT had run: stored, never
 * answered 201. Boot turns readiness to REFUSING_TRAFFIC before the server starts draining, so
 * every request either sees that here or was already under way when Reactor Netty looked.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public final class GracefulShutdown implements WebFilter {

    private final ApplicationAvailability availability;

    public GracefulShutdown(ApplicationAvailability availability) {
        this.availability = availability;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (availability.getReadinessState() == ReadinessState.REFUSING_TRAFFIC
                && !InFlightLimit.PROBES.contains(exchange.getRequest().getPath().value())) {
            // Closed after the answer, so the client sends nothing more on this connection.
            exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
            return Mono.error(ApiProblem.of(ProblemType.OVERLOADED, ProblemDetails.SHUTTING_DOWN));
        }
        return chain.filter(exchange);
    }
}
