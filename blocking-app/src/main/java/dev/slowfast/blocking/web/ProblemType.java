package dev.slowfast.blocking.web;

/** The fixed set of problem types in docs/contract.md. */
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
    INTERNAL_ERROR("internal-error", 500, "Internal Server Error");

    private final String uri;
    private final int status;
    private final String title;

    ProblemType(String slug, int status, String title) {
        this.uri = "https://slowfast.dev/problems/" + slug;
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
}
