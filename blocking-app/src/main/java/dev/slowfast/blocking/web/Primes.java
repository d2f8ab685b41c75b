package dev.slowfast.blocking.web;

/** Deliberately naive CPU work for {@code /cpu}. */
final class Primes {

    private Primes() {
    }

    /** Trial division by 2 and every odd number up to the square root. */
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
