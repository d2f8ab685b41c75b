package dev.slowfast.reactive.web;

import java.net.URI;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The contract's fixed set of problems (docs/contract.md), as exceptions a handler can return with
 * {@code Mono.error(...)}. {@link ProblemExceptionHandler} writes them as application/problem+json.
 */
public final class Problems {

    private static final String TYPE_BASE = "https://slowfast.dev/problems/";

    /** How long clients should wait before retrying when the database is down. */
    static final String RETRY_AFTER_SECONDS = "5";
    /** Shedding is about a moment's crowd: try again soon. */
    static final String OVERLOADED_RETRY_AFTER_SECONDS = "1";

    private Problems() {
    }

    public static ErrorResponseException badRequest(String detail) {
        return problem(HttpStatus.BAD_REQUEST, "bad-request", "Bad Request", detail);
    }

    public static ErrorResponseException validationFailed(List<FieldError> errors) {
        ErrorResponseException problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "validation-failed",
                "Validation Failed", "The request body breaks " + errors.size() + " field rule(s).");
        problem.getBody().setProperty("errors", errors);
        return problem;
    }

    public static ErrorResponseException notFound(String detail) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not Found", detail);
    }

    public static ErrorResponseException methodNotAllowed(Set<HttpMethod> allowed) {
        String names = String.join(", ", allowed.stream().map(HttpMethod::name).toList());
        ErrorResponseException problem = problem(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed",
                "Method Not Allowed", "This path allows only " + names + ".");
        problem.getHeaders().setAllow(allowed);
        return problem;
    }

    public static ErrorResponseException contentTooLarge() {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "content-too-large", "Content Too Large",
                "The request body is larger than " + JsonBodies.MAX_BYTES + " bytes.");
    }

    public static ErrorResponseException unsupportedMediaType() {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported Media Type",
                "The request body must be sent as application/json.");
    }

    public static ErrorResponseException databaseUnavailable() {
        ErrorResponseException problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable",
                "Service Unavailable", "The database does not answer; try again later.");
        problem.getHeaders().set("Retry-After", RETRY_AFTER_SECONDS);
        return problem;
    }

    public static ErrorResponseException overloaded() {
        ErrorResponseException problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "overloaded",
                "Service Unavailable", "Too many requests are in flight; try again shortly.");
        problem.getHeaders().set("Retry-After", OVERLOADED_RETRY_AFTER_SECONDS);
        return problem;
    }

    /**
     * A request that arrives while the server drains for shutdown. The contract has no type of its
     * own for this; like shedding it means "not now, try again (elsewhere)". The connection is
     * closed after the answer, so the client does not send more on it.
     */
    public static ErrorResponseException shuttingDown() {
        ErrorResponseException problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "overloaded",
                "Service Unavailable", "The server is shutting down; try again shortly.");
        problem.getHeaders().set("Retry-After", OVERLOADED_RETRY_AFTER_SECONDS);
        problem.getHeaders().set("Connection", "close");
        return problem;
    }

    public static ErrorResponseException uriTooLong() {
        return problem(HttpStatus.URI_TOO_LONG, "uri-too-long", "URI Too Long",
                "The request target is longer than " + RequestHeadLimits.MAX_TARGET_BYTES + " bytes.");
    }

    public static ErrorResponseException headerFieldsTooLarge() {
        return problem(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "header-fields-too-large",
                "Request Header Fields Too Large",
                "The request headers are larger than " + RequestHeadLimits.MAX_HEADER_BYTES + " bytes in all.");
    }

    public static ErrorResponseException internalError() {
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal Server Error",
                "Something went wrong on our side.");
    }

    /** True for the problems made here, as opposed to the framework's own error responses. */
    static boolean isContractProblem(ErrorResponseException error) {
        URI type = error.getBody().getType();
        return type != null && type.toString().startsWith(TYPE_BASE);
    }

    private static ErrorResponseException problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create(TYPE_BASE + type));
        body.setTitle(title);
        return new ErrorResponseException(status, body, null);
    }

    /** One broken field rule in a 422. */
    public record FieldError(String field, String message) {
    }
}
