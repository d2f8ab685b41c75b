package dev.slowfast.reactive.metrics;

import dev.slowfast.rules.MetricNames;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * {@code /metrics} ignores an {@code Accept} it cannot satisfy, as every other path of this API does:
 * Actuator negotiates between the Prometheus text format 0.0.4 (its default, what a client sending no
 * {@code Accept} or {@code *}{@code /*} gets), OpenMetrics and protobuf, and refuses anything else
 * with a 406 that is none of the contract's problems (ErrorMapping would make it a 500). Refused
 * while choosing a handler, before anything is written, so the request is simply routed again as if
 * it had sent no {@code Accept}, and answered in the default format.
 */
final class ScrapeAccept implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().value().equals(MetricNames.PATH)) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange).onErrorResume(NotAcceptableStatusException.class,
                refused -> chain.filter(exchange.mutate().request(request -> request.headers(
                        headers -> headers.remove(HttpHeaders.ACCEPT))).build()));
    }
}
