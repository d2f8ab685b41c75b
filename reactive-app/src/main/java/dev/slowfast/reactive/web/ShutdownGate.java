package dev.slowfast.reactive.web;

import java.util.Set;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Once shutdown has begun, a request that still arrives on a kept-alive connection is refused
 * with a 503 before it does anything. Reactor Netty's graceful shutdown waits only for exchanges
 * already under way and closes every connection it finds idle; a request racing in on such a
 * connection would otherwise be cut after its INSERT had run: stored, but never answered 201.
 * Boot turns readiness to REFUSING_TRAFFIC before the server starts draining, so every request
 * either sees that here or was already under way when Reactor Netty looked, and is waited for.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ShutdownGate implements WebFilter {

    /** Probes still answer: /ready says DOWN, /health says the process lives. */
    private static final Set<String> PROBES = Set.of("/health", "/ready");

    private final ApplicationAvailability availability;

    public ShutdownGate(ApplicationAvailability availability) {
        this.availability = availability;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (availability.getReadinessState() == ReadinessState.REFUSING_TRAFFIC
                && !PROBES.contains(exchange.getRequest().getPath().value())) {
            return Mono.error(Problems.shuttingDown());
        }
        return chain.filter(exchange);
    }
}
