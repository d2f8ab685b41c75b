package dev.slowfast.rules;

/** The size limits of docs/contract.md that every app's server enforces (and words in {@link ProblemDetails}). */
public final class RequestLimits {

    /** A request body over this is a 413 {@code content-too-large}. */
    public static final int MAX_BODY_BYTES = 65_536;
    /** A request target over this is a 414 {@code uri-too-long}. */
    public static final int MAX_TARGET_BYTES = 8_192;
    /** Request headers over this, in all, are a 431 {@code header-fields-too-large}. */
    public static final int MAX_HEADER_BYTES = 16_384;

    private RequestLimits() {
    }
}
