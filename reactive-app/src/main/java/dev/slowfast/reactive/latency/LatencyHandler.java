package dev.slowfast.reactive.latency;

import dev.slowfast.reactive.db.Postgres;
import dev.slowfast.reactive.web.QueryParameters;
import java.time.Duration;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The seed experiment: answer at once, after a wait that occupies no thread, after a wait inside
 * PostgreSQL, or after CPU work that runs on its own bounded scheduler.
 */
@Component
public class LatencyHandler {

    private static final Message FAST = new Message("That was fast!");
    private static final long MAX_MS = 60_000;
    private static final long DEFAULT_MS = 1_000;
    private static final long MAX_N = 1_000_000_000_000_000L;
    private static final long DEFAULT_N = 112_272_535_095_293L;

    private final Postgres postgres;
    private final PrimeChecker primes;

    public LatencyHandler(Postgres postgres, PrimeChecker primes) {
        this.postgres = postgres;
        this.primes = primes;
    }

    public Mono<ServerResponse> fast(ServerRequest request) {
        return ServerResponse.ok().bodyValue(FAST);
    }

    /** A timer, not a sleeping thread: the event loop serves others meanwhile. */
    public Mono<ServerResponse> slow(ServerRequest request) {
        long ms = QueryParameters.integer(request, "ms", DEFAULT_MS, 0, MAX_MS);
        return Mono.delay(Duration.ofMillis(ms))
                .then(ServerResponse.ok().bodyValue(new SlowMessage(ms)));
    }

    public Mono<ServerResponse> slowDatabase(ServerRequest request) {
        long ms = QueryParameters.integer(request, "ms", DEFAULT_MS, 0, MAX_MS);
        return postgres.sleep(Duration.ofMillis(ms))
                .then(ServerResponse.ok().bodyValue(new SlowMessage(ms)));
    }

    public Mono<ServerResponse> cpu(ServerRequest request) {
        long n = QueryParameters.integer(request, "n", DEFAULT_N, 2, MAX_N);
        return primes.isPrime(n)
                .flatMap(prime -> ServerResponse.ok().bodyValue(new PrimeResult(n, prime)));
    }

    record Message(String message) {
    }

    record SlowMessage(String message, long ms) {
        SlowMessage(long ms) {
            this("That was slow!", ms);
        }
    }

    record PrimeResult(long n, boolean prime) {
    }
}
