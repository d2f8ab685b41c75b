package dev.slowfast.async;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * An RFC 9457 problem from the fixed set of docs/contract.md. {@code errors} is empty except for
 * validation failures.
 */
record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    private static final String BASE = "https://slowfast.dev/problems/";

    /** One broken field rule of a 422. */
    record FieldError(String field, String message) {
    }

    static Problem badRequest(String detail) {
        return new Problem("bad-request", "Bad Request", 400, detail, List.of());
    }

    static Problem validationFailed(List<FieldError> errors) {
        return new Problem("validation-failed", "Validation Failed", 422,
                "The contact breaks " + errors.size() + " field rule(s); see errors.", errors);
    }

    static Problem notFound(String detail) {
        return new Problem("not-found", "Not Found", 404, detail, List.of());
    }

    static Problem methodNotAllowed(String method, String path) {
        return new Problem("method-not-allowed", "Method Not Allowed", 405,
                method + " is not supported on " + path + "; see the Allow header.", List.of());
    }

    static Problem contentTooLarge() {
        return new Problem("content-too-large", "Content Too Large", 413,
                "The request body is larger than 65536 bytes.", List.of());
    }

    static Problem unsupportedMediaType() {
        return new Problem("unsupported-media-type", "Unsupported Media Type", 415,
                "The request body must be sent as Content-Type: application/json.", List.of());
    }

    static Problem databaseUnavailable() {
        return new Problem("database-unavailable", "Service Unavailable", 503,
                "The database is not answering; try again shortly.", List.of());
    }

    static Problem overloaded() {
        return new Problem("overloaded", "Service Unavailable", 503,
                "The server is handling as many requests as it may; try again shortly.", List.of());
    }

    static Problem uriTooLong(int maxBytes) {
        return new Problem("uri-too-long", "URI Too Long", 414,
                "The request target is longer than " + maxBytes + " bytes.", List.of());
    }

    static Problem headerFieldsTooLarge(int maxBytes) {
        return new Problem("header-fields-too-large", "Request Header Fields Too Large", 431,
                "The request headers are larger than " + maxBytes + " bytes in all.", List.of());
    }

    static Problem internalError() {
        return new Problem("internal-error", "Internal Server Error", 500,
                "The server failed to handle this request.", List.of());
    }

    /** The {@code Retry-After} seconds a 503 tells the client, or null when it should not retry. */
    String retryAfterSeconds() {
        return switch (type) {
            case "database-unavailable" -> "5";
            case "overloaded" -> "1";
            default -> null;
        };
    }

    JsonObject toJson() {
        JsonObject json = new JsonObject()
                .put("type", BASE + type)
                .put("title", title)
                .put("status", status)
                .put("detail", detail);
        if (!errors.isEmpty()) {
            JsonArray list = new JsonArray();
            errors.forEach(e -> list.add(new JsonObject().put("field", e.field()).put("message", e.message())));
            json.put("errors", list);
        }
        return json;
    }
}
