package dev.slowfast.contract;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The validator the whole suite relies on really rejects what breaks docs/openapi.yaml. */
class OpenApiContractTest {

    private static ApiResponse response(String method, String target, int status, String contentType, String body,
            Map<String, List<String>> extraHeaders) {
        var headers = new java.util.HashMap<String, List<String>>(extraHeaders);
        headers.put("Content-Type", List.of(contentType));
        return new ApiResponse(method, target, status, HttpHeaders.of(headers, (name, value) -> true), body, Duration.ZERO);
    }

    private static ApiResponse response(String method, String target, int status, String contentType, String body) {
        return response(method, target, status, contentType, body, Map.of());
    }

    private static final String CONTACT = """
            {"id":"0b6f0d6e-5f57-4bd4-9f3a-2a1b0c9d8e7f","name":"Ada","email":null,"phone":null,
             "createdAt":"2026-11-21T22:30:00.123456Z"}""";

    @Test
    void acceptsResponsesThatFollowTheContract() {
        var contract = OpenApiContract.instance();
        assertDoesNotThrow(() -> contract.check(response("GET", "/fast", 200, "application/json", "{\"message\":\"That was fast!\"}")));
        assertDoesNotThrow(() -> contract.check(response("GET", "/contacts/x", 200, "application/json", CONTACT)));
        assertDoesNotThrow(() -> contract.check(response("GET", "/nope", 404, "application/problem+json",
                "{\"type\":\"https://slowfast.dev/problems/not-found\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"No.\"}")));
    }

    @Test
    void rejectsAWrongBody() {
        assertThrows(AssertionError.class, () -> OpenApiContract.instance()
                .check(response("GET", "/fast", 200, "application/json", "{\"message\":\"That was quick\"}")));
    }

    @Test
    void rejectsAContactWithAnExtraFieldOrBadTimestamp() {
        assertThrows(AssertionError.class, () -> OpenApiContract.instance().check(response("GET", "/contacts/x", 200,
                "application/json", CONTACT.replace("}", ",\"seq\":1}"))));
        assertThrows(AssertionError.class, () -> OpenApiContract.instance().check(response("GET", "/contacts/x", 200,
                "application/json", CONTACT.replace("22:30:00.123456Z", "22:30:00.123Z"))));
    }

    @Test
    void rejectsAnUndocumentedStatusOrContentType() {
        assertThrows(AssertionError.class, () -> OpenApiContract.instance()
                .check(response("GET", "/fast", 500, "application/json", "{\"message\":\"That was fast!\"}")));
        assertThrows(AssertionError.class, () -> OpenApiContract.instance()
                .check(response("GET", "/health", 200, "text/plain", "UP")));
    }

    @Test
    void rejectsAnUnknownProblemTypeEvenOnUnknownPaths() {
        assertThrows(AssertionError.class, () -> OpenApiContract.instance().check(response("GET", "/nope", 404,
                "application/problem+json", "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"No.\"}")));
    }

    @Test
    void requiresRetryAfterOnDatabaseUnavailable() {
        String problem = "{\"type\":\"https://slowfast.dev/problems/database-unavailable\",\"title\":\"Service Unavailable\","
                + "\"status\":503,\"detail\":\"Down.\"}";
        assertThrows(AssertionError.class, () -> OpenApiContract.instance()
                .check(response("GET", "/contacts", 503, "application/problem+json", problem)));
        assertDoesNotThrow(() -> OpenApiContract.instance().check(response("GET", "/contacts", 503,
                "application/problem+json", problem, Map.of("Retry-After", List.of("5")))));
    }
}
