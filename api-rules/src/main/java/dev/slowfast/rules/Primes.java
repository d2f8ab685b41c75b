package dev.slowfast.rules;

/**
 * The one CPU workload of {@code /cpu}: deterministic trial division, the same instructions in
 * every app so the {@code cpu} workload compares paradigms, not algorithms.
 */
public final class Primes {

    private Primes() {
    }

    /** Trial division by 2, 3 and every 6k ± 1 up to the square root. */
    public static boolean isPrime(long n) {
        return divisionsUntilAnswer(n) < 0;
    }

    /**
     * How many candidate pairs {@link #isPrime} tries for {@code n}; negative (minus the count, minus
     * one) when {@code n} is prime. Exposed so tests can prove each app does this amount of work.
     */
    static long divisionsUntilAnswer(long n) {
        if (n < 2) {
            return 0;
        }
        if (n % 2 == 0 || n % 3 == 0) {
            return n == 2 || n == 3 ? -1 : 0;
        }
        long tried = 0;
        for (long d = 5; d <= n / d; d += 6) { // every prime > 3 is 6k ± 1; n / d avoids overflow of d * d
            tried++;
            if (n % d == 0 || n % (d + 2) == 0) {
                return tried;
            }
        }
        return -tried - 1;
    }
}
