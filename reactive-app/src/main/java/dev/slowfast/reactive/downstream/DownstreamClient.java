package dev.slowfast.reactive.downstream;

import dev.slowfast.rules.ApiProblem;
import dev.slowfast.rules.DownstreamSettings;
import dev.slowfast.rules.DownstreamUrl;
import java.time.Duration;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * The one downstream call, {@code GET /delay?ms=N}, on Boot's {@link WebClient} over the downstream
 * pool (DownstreamConnections). Cancelling the returned Mono (a sibling call failed, the client went
 * away, the timeout fired) makes Reactor Netty close that call's connection instead of returning it to
 * the pool half-read, so downstream sees the call cancelled and the pool never lends a dirty connection.
 */
@Component
public class DownstreamClient {

    private final WebClient web;
    private final DownstreamConnections connections;
    private final DownstreamUrl url;
    private final Duration timeout;

    public DownstreamClient(WebClient.Builder builder, DownstreamConnections connections, DownstreamSettings downstream) {
        this.web = builder.build();
        this.connections = connections;
        this.url = downstream.url();
        this.timeout = downstream.timeout();
    }

    /**
     * Completes when downstream has answered 200 {@code {"ms":N}}; fails with the 504 problem after
     * DOWNSTREAM_TIMEOUT_MS, counted from before the wait for its turn at the pool, or with the 502 one.
     */
    public Mono<Void> delay(long ms) {
        return connections.inTurn(web.get().uri(url.delay(ms)).exchangeToMono(response -> answer(response, ms)))
                .timeout(timeout)
                .onErrorMap(DownstreamFailures::isDownstream, error -> DownstreamFailures.problem(error, timeout));
    }

    /** Only a 200 echoing our {@code ms} is an answer; the body of anything else is released unread. */
    private static Mono<Void> answer(ClientResponse response, long ms) {
        if (response.statusCode().value() != 200) {
            return response.releaseBody().then(Mono.error(ApiProblem::downstreamUnavailable));
        }
        return response.bodyToMono(Delay.class)
                .filter(delay -> delay.ms() != null && delay.ms() == ms)
                .switchIfEmpty(Mono.error(ApiProblem::downstreamUnavailable))
                .then();
    }

    /** Downstream's answer; boxed, so that a missing {@code ms} is not taken for 0. */
    record Delay(Long ms) {
    }
}
