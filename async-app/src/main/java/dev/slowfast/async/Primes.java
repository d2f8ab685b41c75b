package dev.slowfast.async;

/** Deliberately plain CPU work: trial division, as the contract prescribes. */
final class Primes {

    private Primes() {
    }

    static boolean isPrime(long n) {
        if (n < 2) {
            return false;
        }
        if (n % 2 == 0) {
            return n == 2;
        }
        for (long divisor = 3; divisor <= n / divisor; divisor += 2) {
            if (n % divisor == 0) {
                return false;
            }
        }
        return true;
    }
}
