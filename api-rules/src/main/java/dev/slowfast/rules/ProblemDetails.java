package dev.slowfast.rules;

import java.util.Collection;

/**
 * The one wording of every problem the apps answer outside a handler (routing, framework and
 * server errors), so a client reads the same sentence from each app. Handlers' own problems come
 * from the {@link ApiProblem} factories; what is wrong with a JSON body, from api-json's JsonComplaints.
 */
public final class ProblemDetails {

    public static final String NO_SUCH_PATH = "There is nothing at this path.";
    public static final String CONTENT_TOO_LARGE = "The request body is larger than " + RequestLimits.MAX_BODY_BYTES + " bytes.";
    public static final String UNSUPPORTED_MEDIA_TYPE = "The request body must be sent as Content-Type: application/json.";
    public static final String URI_TOO_LONG = "The request target is longer than " + RequestLimits.MAX_TARGET_BYTES + " bytes.";
    public static final String HEADER_FIELDS_TOO_LARGE = "The request headers are larger than " + RequestLimits.MAX_HEADER_BYTES + " bytes.";
    public static final String DATABASE_UNAVAILABLE = "The database does not answer; try again shortly.";
    public static final String OVERLOADED = "The server is handling as many requests as it can; try again shortly.";
    public static final String SHUTTING_DOWN = "The server is shutting down; send the request to another instance.";
    public static final String INTERNAL_ERROR = "Something went wrong on our side.";
    public static final String BAD_PERCENT_ENCODING = "The query string is not valid percent-encoding.";

    private ProblemDetails() {
    }

    /** The 405 detail: which methods this path does allow, in the order given. */
    public static String methodNotAllowed(String method, Collection<String> allowed) {
        return "This path does not support " + method + "; it allows " + String.join(", ", allowed) + ".";
    }
}
