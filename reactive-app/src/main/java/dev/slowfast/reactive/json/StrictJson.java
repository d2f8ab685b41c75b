package dev.slowfast.reactive.json;

import org.springframework.boot.jackson.autoconfigure.JsonFactoryBuilderCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.stereotype.Component;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactoryBuilder;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * Makes Boot's JSON mapper (the one WebFlux's codecs read and write with) as strict as the
 * contract: a body is exactly the JSON it should be, or it is a 400. Jackson, and Boot on top of it,
 * is lenient by default in each of these respects.
 */
@Component
public class StrictJson implements JsonMapperBuilderCustomizer, JsonFactoryBuilderCustomizer {

    @Override
    public void customize(JsonMapper.Builder builder) {
        builder.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES) // Boot turns this off
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)   // {"name":"a"} garbage
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)     // {"name":"a","name":"b"}
                // 42, 4.2 or true where a string is expected must not quietly become "42".
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .withCoercionConfig(LogicalType.Textual, textual -> textual
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }

    /** Hostile bodies: deeper nesting or longer numbers fail the parse like malformed JSON (a 400). */
    @Override
    public void customize(JsonFactoryBuilder builder) {
        builder.streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(500).maxNumberLength(1000).build());
    }
}
