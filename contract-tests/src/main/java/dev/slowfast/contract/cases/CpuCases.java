package dev.slowfast.contract.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slowfast.contract.ApiClient;
import dev.slowfast.contract.ApiResponse;
import dev.slowfast.contract.Problems;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code /cpu}: trial-division primality, the CPU-bound endpoint. */
public abstract class CpuCases extends ContractCases {

    private static void assertVerdict(ApiResponse response, long n, boolean prime) {
        assertEquals(200, response.status(), response::describe);
        assertEquals(ApiClient.JSON, response.mediaType());
        assertEquals(n, response.json().path("n").asLong(-1));
        assertEquals(prime, response.json().path("prime").asBoolean(!prime), response::describe);
    }

    @Test
    void cpuTestsTheDefaultNumber() {
        assertVerdict(api().get("/cpu"), 112272535095293L, true);
    }

    @ParameterizedTest(name = "{0} is prime: {1}")
    @CsvSource({"2, true", "3, true", "4, false", "9, false", "97, true", "561, false", "1000000007, true",
            "112582705942171, true", "1099726899285, false"})
    void cpuTellsPrimesFromComposites(long n, boolean prime) {
        assertVerdict(api().get("/cpu?n=" + n), n, prime);
    }

    @Test
    void cpuAcceptsTheUpperBound() {
        assertVerdict(api().get("/cpu?n=1000000000000000"), 1_000_000_000_000_000L, false);
    }

    @Test
    void cpuFindsTheLargestPrimeBelowTheUpperBound() {
        assertVerdict(api().get("/cpu?n=999999999999989"), 999_999_999_999_989L, true);
    }

    /**
     * The answer an independent oracle gives (BigInteger's Miller-Rabin, not trial division), over
     * numbers that catch the usual slips of a hand-written trial division: squares of primes (a loop
     * that stops before the square root), 6k+1 factors (a loop that tries only 6k-1), Carmichael
     * numbers, large primes, and composites whose smallest factor is large (near 10^7 and near the
     * square root of the upper bound, so the loop must run to the end to find it).
     */
    @ParameterizedTest(name = "n={0}")
    @ValueSource(longs = {2, 3, 4, 25, 49, 91, 97, 561, 7919, 1_000_003, 999_999_000_001L, 100_000_099_999_829L,
            999_996_483_443_777L, 999_995_977_480_369L, 112_272_535_095_293L, 999_999_999_999_989L, 1_000_000_000_000_000L})
    void cpuAnswersLikeAnIndependentPrimalityOracle(long n) {
        assertVerdict(api().get("/cpu?n=" + n), n, BigInteger.valueOf(n).isProbablePrime(100));
    }

    @ParameterizedTest(name = "n={0}")
    @ValueSource(strings = {"1", "0", "-7", "1000000000000001", "abc", "", "2.5", "99999999999999999999999"})
    void cpuRejectsNumbersOutside2To10e15(String n) {
        Problems.assertProblem(api().get("/cpu?n=" + n), Problems.BAD_REQUEST);
    }
}
