package dev.slowfast.reactive.json;

import org.springframework.boot.jackson.autoconfigure.JsonFactoryBuilderCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.stereotype.Component;
import tools.jackson.core.json.JsonFactoryBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes Boot's JSON mapper (the one WebFlux's codecs read and write with) as strict as the
 * contract, with the kernel's settings ({@code dev.slowfast.rules.json.StrictJson}, the same in every
 * app): a body is exactly the JSON it should be, or it is a 400. Boot owns the builders, so the
 * settings go in through its customizers.
 */
@Component
public class StrictJson implements JsonMapperBuilderCustomizer, JsonFactoryBuilderCustomizer {

    @Override
    public void customize(JsonMapper.Builder builder) {
        dev.slowfast.rules.json.StrictJson.configure(builder);
    }

    /** Hostile bodies (deep nesting, long numbers) and bytes that are not UTF-8 fail the parse: a 400. */
    @Override
    public void customize(JsonFactoryBuilder builder) {
        dev.slowfast.rules.json.StrictJson.configure(builder);
    }
}
