package dev.slowfast.rules;

/** The fixed catalogue of problem types in docs/contract.md: type URI, status and title. */
public enum ProblemType {
    BAD_REQUEST("bad-request", 400, "Bad Request"),
    VALIDATION_FAILED("validation-failed", 422, "Validation Failed"),
    NOT_FOUND("not-found", 404, "Not Found"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method Not Allowed"),
    CONTENT_TOO_LARGE("content-too-large", 413, "Content Too Large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported Media Type"),
    URI_TOO_LONG("uri-too-long", 414, "URI Too Long"),
    HEADER_FIELDS_TOO_LARGE("header-fields-too-large", 431, "Request Header Fields Too Large"),
    DATABASE_UNAVAILABLE("database-unavailable", 503, "Service Unavailable"),
    OVERLOADED("overloaded", 503, "Service Unavailable"),
    DOWNSTREAM_TIMEOUT("downstream-timeout", 504, "Gateway Timeout"),
    DOWNSTREAM_UNAVAILABLE("downstream-unavailable", 502, "Bad Gateway"),
    INTERNAL_ERROR("internal-error", 500, "Internal Server Error");

    /** Where every type URI starts. */
    public static final String BASE_URI = "https://slowfast.dev/problems/";

    private final String uri;
    private final int status;
    private final String title;

    ProblemType(String slug, int status, String title) {
        this.uri = BASE_URI + slug;
        this.status = status;
        this.title = title;
    }

    public String uri() {
        return uri;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The {@code Retry-After} seconds the contract asks for with this type, or 0 for none. */
    public int retryAfterSeconds() {
        return switch (this) {
            case DATABASE_UNAVAILABLE -> 5;
            case OVERLOADED -> 1;
            default -> 0;
        };
    }
}
