package dev.slowfast.contract.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slowfast.contract.ApiClient;
import dev.slowfast.contract.ApiResponse;
import org.junit.jupiter.api.Test;

/** {@code /fast}, {@code /health} and {@code /ready} with the database up. */
public abstract class OperationsCases extends ContractCases {

    @Test
    void fastAnswersAtOnceWithItsMessage() {
        ApiResponse response = api().get("/fast");
        assertEquals(200, response.status(), response::describe);
        assertEquals(ApiClient.JSON, response.mediaType());
        assertEquals("That was fast!", response.json().path("message").asText());
    }

    @Test
    void unknownQueryParametersAreIgnored() {
        ApiResponse response = api().get("/fast?verbose=true&x=");
        assertEquals(200, response.status(), response::describe);
    }

    @Test
    void healthSaysUp() {
        ApiResponse response = api().get("/health");
        assertEquals(200, response.status(), response::describe);
        assertEquals(ApiClient.JSON, response.mediaType());
        assertEquals("UP", response.json().path("status").asText());
    }

    @Test
    void readySaysUpWhenTheDatabaseAnswers() {
        ApiResponse response = api().get("/ready");
        assertEquals(200, response.status(), response::describe);
        assertEquals("UP", response.json().path("status").asText());
    }
}
