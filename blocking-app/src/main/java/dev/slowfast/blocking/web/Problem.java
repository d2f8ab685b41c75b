package dev.slowfast.blocking.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.slowfast.blocking.contacts.FieldError;
import java.util.List;

/** An RFC 9457 problem details body; {@code errors} only on a 422. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static Problem of(ProblemType type, String detail) {
        return new Problem(type.uri(), type.title(), type.status(), detail, null);
    }
}
