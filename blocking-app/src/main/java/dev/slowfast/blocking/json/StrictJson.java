package dev.slowfast.blocking.json;

import dev.slowfast.rules.ApiProblem;
import dev.slowfast.rules.ProblemDetails;
import dev.slowfast.rules.ProblemType;
import dev.slowfast.rules.json.JsonComplaints;
import io.javalin.http.Context;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one Jackson mapper of the app, the kernel's strict one (Javalin's {@code ctx.json} writes with it
 * too), and the reading of a JSON request body in the contract's order: Content-Type (415), size (413,
 * Javalin's {@code maxRequestSize}), then JSON syntax and shape (400).
 */
public final class StrictJson {

    /** The kernel's {@code dev.slowfast.rules.json.StrictJson} settings; this class only adds Javalin's side. */
    public static final JsonMapper MAPPER = dev.slowfast.rules.json.StrictJson.newMapper();

    private StrictJson() {
    }

    /**
     * The body as {@code type}, or a 415/413/400. Jackson's complaints are worded here, where it is known that a
     * body is being read, so that a failure to write a response stays a 500.
     */
    public static <T> T read(Context ctx, Class<T> type) {
        requireJsonContentType(ctx);
        byte[] body = ctx.bodyAsBytes(); // throws Javalin's 413 past maxRequestSize
        T value;
        try {
            value = MAPPER.readValue(body, type);
        } catch (JacksonException e) {
            throw JsonComplaints.badRequest(e);
        }
        if (value == null) { // the body was the JSON literal null
            throw ApiProblem.badRequest(JsonComplaints.NOT_AN_OBJECT);
        }
        return value;
    }

    /** {@code application/json}, with or without parameters such as charset. */
    private static void requireJsonContentType(Context ctx) {
        String contentType = ctx.contentType();
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json")) {
            throw ApiProblem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, ProblemDetails.UNSUPPORTED_MEDIA_TYPE);
        }
    }
}
