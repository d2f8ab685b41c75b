package dev.slowfast.reactive.downstream;

import dev.slowfast.rules.QueryRules;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Waiting on another service: one call, K calls at once, K calls one after another. A failed call fails
 * the request with its problem, and Reactor cancels the calls still outstanding (flatMap cancels its
 * other inners, concatMap makes no next one); so does WebFlux when the client goes away, because it
 * cancels the handler's Mono when the connection closes.
 */
@Component
public class DownstreamHandlers {

    private final DownstreamClient client;

    public DownstreamHandlers(DownstreamClient client) {
        this.client = client;
    }

    public Mono<ServerResponse> slowHttp(ServerRequest request) {
        long ms = QueryRules.MS.parse(request.queryParam("ms").orElse(null));
        return client.delay(ms).then(ServerResponse.ok().bodyValue(new Slow(ms)));
    }

    /** All K calls in flight together: flatMap's concurrency is K. */
    public Mono<ServerResponse> fanout(ServerRequest request) {
        int calls = calls(request);
        long ms = QueryRules.MS.parse(request.queryParam("ms").orElse(null));
        return timed(Flux.range(0, calls).flatMap(call -> client.delay(ms), calls).then())
                .flatMap(elapsed -> ServerResponse.ok().bodyValue(new Calls(calls, ms, elapsed)));
    }

    /** Each call starts when the one before it has answered. */
    public Mono<ServerResponse> chain(ServerRequest request) {
        int calls = calls(request);
        long ms = QueryRules.MS.parse(request.queryParam("ms").orElse(null));
        return timed(Flux.range(0, calls).concatMap(call -> client.delay(ms)).then())
                .flatMap(elapsed -> ServerResponse.ok().bodyValue(new Calls(calls, ms, elapsed)));
    }

    private static int calls(ServerRequest request) {
        return (int) QueryRules.CALLS.parse(request.queryParam("calls").orElse(null));
    }

    /** Milliseconds from the start of the first call (subscription) to the end of the last. */
    private static Mono<Long> timed(Mono<Void> calls) {
        return Mono.defer(() -> {
            long start = System.nanoTime();
            return calls.then(Mono.fromSupplier(() -> (System.nanoTime() - start) / 1_000_000));
        });
    }

    record Slow(String message, long ms) {
        Slow(long ms) {
            this("That was slow!", ms);
        }
    }

    record Calls(int calls, long ms, long elapsedMs) {
    }
}
