package dev.slowfast.reactive.web;

import dev.slowfast.reactive.config.AppConfig;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Load shedding (MAX_IN_FLIGHT): a request counts from the moment it gets here until its
 * response is written; one over the limit is answered at once with 503 {@code overloaded}. No
 * queue and no waiting, so an admitted request never gets slower because of a flood. Health and
 * readiness probes are never shed: an orchestrator must still see the app.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1) // right after the ShutdownGate, before any other work
public class InFlightLimit implements WebFilter {

    private static final Set<String> NEVER_SHED = Set.of("/health", "/ready");

    private final int max;
    private final AtomicInteger inFlight = new AtomicInteger();

    public InFlightLimit(AppConfig config) {
        this.max = config.maxInFlight();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (NEVER_SHED.contains(exchange.getRequest().getPath().value())) {
            return chain.filter(exchange);
        }
        return Mono.defer(() -> {
            if (inFlight.incrementAndGet() > max) {
                inFlight.decrementAndGet();
                return Mono.error(Problems.overloaded());
            }
            // Completion, error and cancellation (the client went away) all give the place back.
            return chain.filter(exchange).doFinally(signal -> inFlight.decrementAndGet());
        });
    }
}
