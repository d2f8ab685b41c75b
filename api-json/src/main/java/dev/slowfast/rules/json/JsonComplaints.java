package dev.slowfast.rules.json;

import dev.slowfast.rules.ApiProblem;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * What is wrong with a request body, in the client's terms and the same words in every app: the 400
 * for a Jackson failure, without Jackson's class names or a stack trace.
 */
public final class JsonComplaints {

    public static final String NOT_AN_OBJECT = "The request body must be one JSON object.";
    public static final String TOO_DEEP_OR_LONG = "The request body nests too deeply or holds too long a number.";
    public static final String NOT_JSON = "The request body is not well-formed JSON.";
    public static final String NOT_UTF8 = "The request body is not well-formed UTF-8.";
    public static final String LONE_SURROGATE = "A string in the request body holds half a surrogate pair (not Unicode text).";

    private JsonComplaints() {
    }

    /** The 400 for a failed read. */
    public static ApiProblem badRequest(JacksonException e) {
        return ApiProblem.badRequest(detail(e));
    }

    /** The 400 for a failure that has a Jackson failure among its causes (frameworks wrap them); empty otherwise. */
    public static Optional<ApiProblem> find(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof JacksonException jackson) {
                return Optional.of(badRequest(jackson));
            }
        }
        return Optional.empty();
    }

    private static String detail(JacksonException e) {
        return switch (e) {
            case UnrecognizedPropertyException unknown -> "Unknown field '" + unknown.getPropertyName() + "'.";
            case MismatchedInputException wrongShape -> wrongShape.getPath().isEmpty()
                    ? NOT_AN_OBJECT
                    : "Field '" + wrongShape.getPath().getLast().getPropertyName() + "' must be a string or null.";
            case StreamConstraintsException tooBig -> TOO_DEEP_OR_LONG;
            case StrictUtf8.NotUtf8Exception notUtf8 -> NOT_UTF8;
            case WellFormedStrings.LoneSurrogateException half -> LONE_SURROGATE;
            default -> NOT_JSON; // syntax, and bytes that are not UTF-8
        };
    }
}
