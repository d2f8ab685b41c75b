package dev.slowfast.rules.json;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonFactoryBuilder;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * The contract's strict JSON, as Jackson 3 settings: a body is exactly the JSON it should be, or
 * reading it throws (and {@link JsonComplaints} words the 400). Jackson is lenient by default in each
 * respect set here. blocking and async build their mapper with {@link #newMapper()}; reactive applies
 * both {@code configure} methods to Boot's factory and mapper builders through Boot's customizers.
 */
public final class StrictJson {

    /** Hostile bodies (10,000 nested arrays, 2,000-digit numbers) fail the parse early, like malformed JSON. */
    public static final StreamReadConstraints CONSTRAINTS =
            StreamReadConstraints.builder().maxNestingDepth(500).maxNumberLength(1000).build();

    private StrictJson() {
    }

    /** A mapper with every setting below. */
    public static JsonMapper newMapper() {
        return configure(JsonMapper.builder(configure(JsonFactory.builder()).build())).build();
    }

    /** The parser settings, for a factory builder someone else owns: limits, and UTF-8 checked strictly. */
    public static JsonFactoryBuilder configure(JsonFactoryBuilder builder) {
        return builder.streamReadConstraints(CONSTRAINTS).inputDecorator(new StrictUtf8());
    }

    /** The mapper settings, for a builder someone else owns (Boot's). */
    public static JsonMapper.Builder configure(JsonMapper.Builder builder) {
        return builder.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS) // {"name":"a"} garbage
                // {"name":"a","name":"b"} is ambiguous: a 400, not "the last one wins".
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                // {"name": 42} is a wrong type (400), not the string "42".
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .withCoercionConfig(LogicalType.Textual, strings -> strings
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .addModule(WellFormedStrings.module());
    }
}
