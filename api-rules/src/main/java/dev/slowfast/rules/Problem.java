package dev.slowfast.rules;

import java.util.List;

/**
 * An RFC 9457 problem details body. {@code errors} is non-null only for {@code validation-failed};
 * every app leaves it out of the JSON when it is null.
 */
public record Problem(ProblemType type, String detail, List<FieldError> errors) {

    public Problem {
        errors = errors == null ? null : List.copyOf(errors);
    }

    public static Problem of(ProblemType type, String detail) {
        return new Problem(type, detail, null);
    }

    public int status() {
        return type.status();
    }

    public String title() {
        return type.title();
    }

    public String typeUri() {
        return type.uri();
    }
}
