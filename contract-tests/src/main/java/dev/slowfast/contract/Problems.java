package dev.slowfast.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The fixed set of problem types (docs/contract.md) and the assertions every error must pass. */
public final class Problems {

    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String BASE = "https://slowfast.dev/problems/";

    public static final String BAD_REQUEST = "bad-request";
    public static final String VALIDATION_FAILED = "validation-failed";
    public static final String NOT_FOUND = "not-found";
    public static final String METHOD_NOT_ALLOWED = "method-not-allowed";
    public static final String CONTENT_TOO_LARGE = "content-too-large";
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported-media-type";
    public static final String DATABASE_UNAVAILABLE = "database-unavailable";
    public static final String OVERLOADED = "overloaded";
    public static final String URI_TOO_LONG = "uri-too-long";
    public static final String HEADER_FIELDS_TOO_LARGE = "header-fields-too-large";
    public static final String DOWNSTREAM_TIMEOUT = "downstream-timeout";
    public static final String DOWNSTREAM_UNAVAILABLE = "downstream-unavailable";

    /** Status and title belonging to each problem type. */
    private static final Map<String, Map.Entry<Integer, String>> TYPES = Map.ofEntries(
            Map.entry(BAD_REQUEST, Map.entry(400, "Bad Request")),
            Map.entry(VALIDATION_FAILED, Map.entry(422, "Validation Failed")),
            Map.entry(NOT_FOUND, Map.entry(404, "Not Found")),
            Map.entry(METHOD_NOT_ALLOWED, Map.entry(405, "Method Not Allowed")),
            Map.entry(CONTENT_TOO_LARGE, Map.entry(413, "Content Too Large")),
            Map.entry(UNSUPPORTED_MEDIA_TYPE, Map.entry(415, "Unsupported Media Type")),
            Map.entry(DATABASE_UNAVAILABLE, Map.entry(503, "Service Unavailable")),
            Map.entry(OVERLOADED, Map.entry(503, "Service Unavailable")),
            Map.entry(URI_TOO_LONG, Map.entry(414, "URI Too Long")),
            Map.entry(HEADER_FIELDS_TOO_LARGE, Map.entry(431, "Request Header Fields Too Large")),
            Map.entry(DOWNSTREAM_TIMEOUT, Map.entry(504, "Gateway Timeout")),
            Map.entry(DOWNSTREAM_UNAVAILABLE, Map.entry(502, "Bad Gateway")));

    /** The paths that call downstream: the only ones whose problems may be a 502 or a 504 (contract v1.3). */
    private static final Set<String> DOWNSTREAM_PATHS = Set.of("/slow/http", "/fanout", "/chain");

    /** Signs of an internal error leaking out: stack frames and exception class names. */
    private static final Pattern LEAK = Pattern.compile(
            "(\\bat [a-z][\\w$]*(\\.[\\w$]+)+\\(|Exception\\b|\\bException:|java\\.lang\\.|\\.java:\\d+)");

    private Problems() {
    }

    /**
     * The only 5xx the contract allows: 503 (overloaded, database unavailable, not ready) anywhere, and
     * 502 or 504 where the app calls downstream. A 500 is never allowed.
     */
    static boolean allowedServerError(ApiResponse response) {
        return response.status() == 503
                || (DOWNSTREAM_PATHS.contains(response.path()) && (response.status() == 502 || response.status() == 504));
    }

    /** Holds for every error response of the API: checked by {@link ApiClient} on each one. */
    static void assertWellFormedProblem(ApiResponse response) {
        assertEquals(PROBLEM_JSON, response.mediaType(), () -> "errors are problem+json: " + response.describe());
        JsonNode problem = response.json();
        assertTrue(problem.path("type").isTextual(), () -> "problem has a type: " + response.describe());
        assertTrue(problem.path("title").isTextual(), () -> "problem has a title: " + response.describe());
        assertEquals(response.status(), problem.path("status").asInt(-1),
                () -> "problem status matches the HTTP status: " + response.describe());
        String detail = problem.path("detail").asText("");
        assertFalse(detail.isBlank(), () -> "problem has a detail: " + response.describe());
        assertFalse(LEAK.matcher(response.body()).find(),
                () -> "problem leaks an internal error (stack frame or exception name): " + response.describe());
    }

    /** The response is the given problem type, with its status and title. */
    public static JsonNode assertProblem(ApiResponse response, String type) {
        var expected = TYPES.get(type);
        assertEquals(expected.getKey(), response.status(), () -> "status for " + type + ": " + response.describe());
        assertWellFormedProblem(response);
        JsonNode problem = response.json();
        assertEquals(BASE + type, problem.path("type").asText(), () -> "problem type: " + response.describe());
        assertEquals(expected.getValue(), problem.path("title").asText(), () -> "problem title: " + response.describe());
        return problem;
    }

    /** A 422 whose {@code errors} name exactly these fields, in this order. */
    public static void assertValidationFailed(ApiResponse response, String... fields) {
        JsonNode problem = assertProblem(response, VALIDATION_FAILED);
        List<String> named = new ArrayList<>();
        for (JsonNode error : problem.path("errors")) {
            named.add(error.path("field").asText());
            assertFalse(error.path("message").asText("").isBlank(), () -> "each error has a message: " + response.describe());
        }
        assertEquals(List.of(fields), named, () -> "fields named in errors: " + response.describe());
    }

    /** 503 {@code overloaded} with {@code Retry-After: 1}, as docs/contract.md, "Load shedding", says. */
    public static boolean isShed(ApiResponse response) {
        // A problem+json body that is not JSON fails here, as it should: it breaks the contract.
        return response.status() == 503 && PROBLEM_JSON.equals(response.mediaType())
                && (BASE + OVERLOADED).equals(response.json().path("type").asText())
                && "1".equals(response.header("Retry-After").orElse(null));
    }
}
