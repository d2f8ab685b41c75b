package dev.slowfast.async.json;

import dev.slowfast.rules.ApiProblem;
import io.vertx.core.buffer.Buffer;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * Request bodies, read strictly with the Jackson 3 settings every slowfast app uses; a body that
 * breaks them throws a {@code JacksonException}, which {@code problems/ErrorMapping} words as a 400.
 * Vert.x's own {@code JsonObject} (Jackson 2) still writes the responses. Bodies are at most 64 KiB,
 * so decoding on the event loop is quick.
 */
public final class StrictJson {

    /** Also what a 400 says when the body is valid JSON but not an object. */
    public static final String NOT_AN_OBJECT = "The request body must be one JSON object.";

    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    // Hostile bodies (10,000 nested arrays, 2,000-digit numbers) fail the parse early.
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(500).maxNumberLength(1000).build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
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

    public static <T> T read(Buffer body, Class<T> type) {
        T value = MAPPER.readValue(body == null ? new byte[0] : body.getBytes(), type);
        if (value == null) { // the body was the JSON literal null
            throw ApiProblem.badRequest(NOT_AN_OBJECT);
        }
        return value;
    }
}
