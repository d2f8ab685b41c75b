package dev.slowfast.reactive.netty;

import dev.slowfast.rules.ApiProblem;
import dev.slowfast.rules.ProblemDetails;
import dev.slowfast.rules.ProblemType;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Load shedding (MAX_IN_FLIGHT): a request counts from the moment it gets here until its response
 * is written; one over the limit is answered at once with 503 {@code overloaded}. No queue and no
 * waiting, so an admitted request never gets slower because of a flood. Health and readiness probes
 * are never shed: an orchestrator must still see the app.
 */
@Order(Ordered.HIGHEST_PRECEDENCE + 1) // right after GracefulShutdown, before any other work
public final class InFlightLimit implements WebFilter {

    static final Set<String> PROBES = Set.of("/health", "/ready");

    private final int max;
    private final AtomicInteger inFlight = new AtomicInteger();

    public InFlightLimit(int max) {
        this.max = max;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (PROBES.contains(exchange.getRequest().getPath().value())) {
            return chain.filter(exchange);
        }
        return Mono.defer(() -> {
            if (inFlight.incrementAndGet() > max) {
                inFlight.decrementAndGet();
                return Mono.error(ApiProblem.of(ProblemType.OVERLOADED, ProblemDetails.OVERLOADED));
            }
            // Completion, error and cancellation (the client went away) all give the place back.
            return chain.filter(exchange).doFinally(signal -> inFlight.decrementAndGet());
        });
    }
}
