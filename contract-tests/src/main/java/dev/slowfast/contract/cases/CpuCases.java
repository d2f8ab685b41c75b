package dev.slowfast.contract.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slowfast.contract.ApiClient;
import dev.slowfast.contract.ApiResponse;
import dev.slowfast.contract.Problems;
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

    @ParameterizedTest(name = "n={0}")
    @ValueSource(strings = {"1", "0", "-7", "1000000000000001", "abc", "", "2.5", "99999999999999999999999"})
    void cpuRejectsNumbersOutside2To10e15(String n) {
        Problems.assertProblem(api().get("/cpu?n=" + n), Problems.BAD_REQUEST);
    }
}
