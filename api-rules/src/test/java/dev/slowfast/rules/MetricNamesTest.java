package dev.slowfast.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetricNamesTest {

    @ParameterizedTest
    @CsvSource({"100,INFORMATIONAL", "200,SUCCESS", "201,SUCCESS", "304,REDIRECTION", "404,CLIENT_ERROR",
            "499,CLIENT_ERROR", "500,SERVER_ERROR", "503,SERVER_ERROR"})
    void theOutcomeOfAStatusIsItsClass(int status, String outcome) {
        assertEquals(outcome, MetricNames.outcome(status));
    }
}
