package dev.slowfast.rules;

/** One broken field rule, as listed in a 422's {@code errors}. */
public record FieldError(String field, String message) {
}
