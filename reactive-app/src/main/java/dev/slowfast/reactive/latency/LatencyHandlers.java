package dev.slowfast.reactive.latency;

import dev.slowfast.reactive.db.Database;
import dev.slowfast.rules.Primes;
import dev.slowfast.rules.QueryRules;
import java.time.Duration;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The seed experiment: answer at once, after a wait that occupies no thread, after a wait inside
 * PostgreSQL, or after CPU work on a scheduler of its own.
 */
@Component
public class LatencyHandlers implements DisposableBean {

    private static final Message FAST = new Message("That was fast!");

    private final Database database;
    /**
     * One thread per core for {@code /cpu}: CPU work must never run on a Netty event loop (it would
     * stall every connection on it), nor on Reactor's shared parallel scheduler (it would delay the
     * timers that end every {@code /slow}).
     */
    private final Scheduler cpu = Schedulers.newParallel("cpu", Runtime.getRuntime().availableProcessors());

    public LatencyHandlers(Database database) {
        this.database = database;
    }

    public Mono<ServerResponse> fast(ServerRequest request) {
        return ServerResponse.ok().bodyValue(FAST);
    }

    /** A timer, not a sleeping thread: the event loop serves others meanwhile. */
    public Mono<ServerResponse> slow(ServerRequest request) {
        long ms = QueryRules.MS.parse(request.queryParam("ms").orElse(null));
        return Mono.delay(Duration.ofMillis(ms)).then(ServerResponse.ok().bodyValue(new Slow(ms)));
    }

    public Mono<ServerResponse> slowDb(ServerRequest request) {
        long ms = QueryRules.MS.parse(request.queryParam("ms").orElse(null));
        return database.sleep(Duration.ofMillis(ms)).then(ServerResponse.ok().bodyValue(new Slow(ms)));
    }

    public Mono<ServerResponse> cpu(ServerRequest request) {
        long n = QueryRules.N.parse(request.queryParam("n").orElse(null));
        return isPrime(n).flatMap(prime -> ServerResponse.ok().bodyValue(new PrimeResult(n, prime)));
    }

    /** The kernel's prime test, on the cpu scheduler. */
    Mono<Boolean> isPrime(long n) {
        return Mono.fromCallable(() -> Primes.isPrime(n)).subscribeOn(cpu);
    }

    @Override
    public void destroy() {
        cpu.dispose();
    }

    record Message(String message) {
    }

    record Slow(String message, long ms) {
        Slow(long ms) {
            this("That was slow!", ms);
        }
    }

    record PrimeResult(long n, boolean prime) {
    }
}
