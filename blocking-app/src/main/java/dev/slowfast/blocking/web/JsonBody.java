package dev.slowfast.blocking.web;

import io.javalin.http.Context;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Reads a JSON request body in the contract's order: Content-Type (415), size (413, enforced by
 * Javalin's {@code maxRequestSize}), then JSON syntax and shape (400). The mapper does the strict
 * type checks (see {@code JsonMapping}); this class words its complaints for the client.
 */
public final class JsonBody {

    public static final int MAX_BYTES = 64 * 1024;

    private final ObjectMapper mapper;

    public JsonBody(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    <T> T read(Context ctx, Class<T> type) {
        requireJsonContentType(ctx);
        byte[] body = ctx.bodyAsBytes(); // throws Javalin's 413 past maxRequestSize
        T value;
        try {
            value = mapper.readValue(body, type);
        } catch (UnrecognizedPropertyException e) {
            throw ApiProblem.badRequest("Unknown field '" + e.getPropertyName() + "'.");
        } catch (MismatchedInputException e) {
            throw ApiProblem.badRequest(e.getPath().isEmpty()
                    ? "The request body must be one JSON object."
                    : "Field '" + e.getPath().getLast().getPropertyName() + "' must be a string or null.");
        } catch (StreamConstraintsException e) {
            throw ApiProblem.badRequest("The request body nests too deeply or holds too long a number.");
        } catch (StreamReadException e) {
            throw ApiProblem.badRequest("The request body is not valid JSON.");
        } catch (JacksonException e) {
            throw ApiProblem.badRequest("The request body could not be read as a JSON object.");
        }
        if (value == null) { // the body was the JSON literal null
            throw ApiProblem.badRequest("The request body must be a JSON object.");
        }
        return value;
    }

    /** {@code application/json}, with or without parameters such as charset. */
    private static void requireJsonContentType(Context ctx) {
        String contentType = ctx.contentType();
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json")) {
            throw ApiProblem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, "The request body must be sent as application/json.");
        }
    }
}
