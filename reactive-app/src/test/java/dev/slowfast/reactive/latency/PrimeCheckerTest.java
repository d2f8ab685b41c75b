package dev.slowfast.reactive.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PrimeCheckerTest {

    @Test
    void trialDivisionKnowsSmallAndLargeNumbers() {
        assertTrue(PrimeChecker.trialDivision(2));
        assertTrue(PrimeChecker.trialDivision(3));
        assertFalse(PrimeChecker.trialDivision(4));
        assertFalse(PrimeChecker.trialDivision(25));
        assertTrue(PrimeChecker.trialDivision(97));
        assertTrue(PrimeChecker.trialDivision(112_272_535_095_293L));
        assertFalse(PrimeChecker.trialDivision(1_000_000_000_000_000L));
        assertFalse(PrimeChecker.trialDivision(999_999_999_999_999L)); // 3 x ...
    }

    @Test
    void computesOnItsOwnSchedulerNeverOnTheCallersThread() {
        PrimeChecker primes = new PrimeChecker();
        AtomicReference<String> thread = new AtomicReference<>();
        try {
            Boolean prime = primes.isPrime(97).doOnNext(p -> thread.set(Thread.currentThread().getName())).block();
            assertEquals(Boolean.TRUE, prime);
            assertTrue(thread.get().startsWith("cpu-"), thread::get);
        } finally {
            primes.destroy();
        }
    }
}
