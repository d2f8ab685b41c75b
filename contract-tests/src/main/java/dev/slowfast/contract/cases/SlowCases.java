package dev.slowfast.contract.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slowfast.contract.ApiClient;
import dev.slowfast.contract.ApiResponse;
import dev.slowfast.contract.Problems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code /slow} (the app waits) and {@code /slow/db} (PostgreSQL waits). */
public abstract class SlowCases extends ContractCases {

    private static void assertSlowAnswer(ApiResponse response, int ms) {
        assertEquals(200, response.status(), response::describe);
        assertEquals(ApiClient.JSON, response.mediaType());
        assertEquals("That was slow!", response.json().path("message").asText());
        assertEquals(ms, response.json().path("ms").asInt(-1));
        assertTrue(response.elapsed().toMillis() >= ms,
                () -> "answered after " + response.elapsed().toMillis() + " ms, before the " + ms + " ms wait");
    }

    @Test
    void slowWaitsAtLeastTheRequestedTime() {
        assertSlowAnswer(api().get("/slow?ms=300"), 300);
    }

    @Test
    void slowWaitsOneSecondByDefault() {
        assertSlowAnswer(api().get("/slow"), 1000);
    }

    @Test
    void slowWithZeroAnswersAtOnce() {
        assertSlowAnswer(api().get("/slow?ms=0"), 0);
    }

    @ParameterizedTest(name = "ms={0}")
    @ValueSource(strings = {"-1", "60001", "abc", "1.5", "", "%2B5", "99999999999999999999", "0x10"})
    void slowRejectsDelaysOutside0To60000(String ms) {
        Problems.assertProblem(api().get("/slow?ms=" + ms), Problems.BAD_REQUEST);
    }

    @Test
    void slowDbWaitsInsidePostgres() {
        assertSlowAnswer(api().get("/slow/db?ms=300"), 300);
    }

    @Test
    void slowDbWithZeroAnswersAtOnce() {
        assertSlowAnswer(api().get("/slow/db?ms=0"), 0);
    }

    @ParameterizedTest(name = "ms={0}")
    @ValueSource(strings = {"-5", "60001", "soon", ""})
    void slowDbRejectsDelaysOutside0To60000(String ms) {
        Problems.assertProblem(api().get("/slow/db?ms=" + ms), Problems.BAD_REQUEST);
    }
}
