package dev.slowfast.reactive.latency;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Trial-division primality on a dedicated scheduler with one thread per core: CPU work must never
 * run on a Netty event loop (it would stall every connection on it), nor on Reactor's shared
 * parallel scheduler (it would delay the timers that end every {@code /slow}).
 */
@Component
public class PrimeChecker implements DisposableBean {

    private final Scheduler cpu = Schedulers.newParallel("cpu", Runtime.getRuntime().availableProcessors());

    public Mono<Boolean> isPrime(long n) {
        return Mono.fromCallable(() -> trialDivision(n)).subscribeOn(cpu);
    }

    static boolean trialDivision(long n) {
        if (n < 2) {
            return false;
        }
        if (n % 2 == 0 || n % 3 == 0) {
            return n == 2 || n == 3;
        }
        for (long d = 5; d * d <= n; d += 6) { // every prime > 3 is 6k ± 1
            if (n % d == 0 || n % (d + 2) == 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void destroy() {
        cpu.dispose();
    }
}
