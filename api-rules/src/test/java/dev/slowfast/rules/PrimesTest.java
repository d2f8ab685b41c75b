package dev.slowfast.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PrimesTest {

    @Test
    void agreesWithBigIntegerOnTheFirstHundredThousand() {
        for (long n = 0; n < 100_000; n++) {
            assertEquals(BigInteger.valueOf(n).isProbablePrime(50), Primes.isPrime(n), "n=" + n);
        }
    }

    @Test
    void agreesWithBigIntegerOnLargeNumbersUpToTheContractsMaximum() {
        var random = new Random(42);
        for (int i = 0; i < 200; i++) {
            long n = 1_000_000_000_000L + (random.nextLong() & Long.MAX_VALUE) % 1_000_000_000L;
            assertEquals(BigInteger.valueOf(n).isProbablePrime(50), Primes.isPrime(n), "n=" + n);
        }
        assertEquals(true, Primes.isPrime(112_272_535_095_293L)); // the contract's default n
        assertEquals(false, Primes.isPrime(1_000_000_000_000_000L));
    }

    @Test
    void aPrimeCostsOneTrialPairPerSixUpToItsSquareRoot() {
        // The work is part of the contract of /cpu: the cpu workload compares paradigms doing equal work.
        long n = 112_272_535_095_293L; // sqrt ~ 10,595,874
        long pairs = -Primes.divisionsUntilAnswer(n) - 1;
        assertEquals((long) Math.sqrt(n) / 6, pairs, 1);
    }
}
