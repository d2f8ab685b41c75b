package dev.slowfast.blocking.json;

import dev.slowfast.rules.ApiProblem;
import dev.slowfast.rules.ProblemDetails;
import dev.slowfast.rules.ProblemType;
import io.javalin.http.Context;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * The one Jackson mapper of the app, as strict as the contract (Javalin's {@code ctx.json} writes with it
 * too), and the reading of a JSON request body in the contract's order: Content-Type (415), size (413,
 * Javalin's {@code maxRequestSize}), then JSON syntax and shape (400).
 */
public final class StrictJson {

    public static final int MAX_BODY_BYTES = 64 * 1024;

    public static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    // Hostile bodies fail like malformed JSON (Jackson's defaults, stated here as the contract's).
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(500).maxNumberLength(1000).build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // {"name":"a","name":"b"} is ambiguous: a 400, not "the last one wins".
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // {"name": 42} is a wrong type (400), not the string "42".
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .withCoercionConfig(LogicalType.Textual, strings -> strings
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .build();

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
        } catch (UnrecognizedPropertyException e) {
            throw ApiProblem.badRequest("Unknown field '" + e.getPropertyName() + "'.");
        } catch (MismatchedInputException e) {
            throw ApiProblem.badRequest(e.getPath().isEmpty()
                    ? "The request body must be one JSON object."
                    : "Field '" + e.getPath().getLast().getPropertyName() + "' must be a string or null.");
        } catch (StreamConstraintsException e) {
            throw ApiProblem.badRequest("The request body nests too deeply or holds too long a number.");
        } catch (StreamReadException e) {
            throw ApiProblem.badRequest(ProblemDetails.NOT_JSON);
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
            throw ApiProblem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, ProblemDetails.UNSUPPORTED_MEDIA_TYPE);
        }
    }
}
