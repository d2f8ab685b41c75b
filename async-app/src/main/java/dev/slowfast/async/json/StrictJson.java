package dev.slowfast.async.json;

import dev.slowfast.rules.ApiProblem;
import dev.slowfast.rules.json.JsonComplaints;
import io.vertx.core.buffer.Buffer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Request bodies, read with the kernel's strict Jackson 3 mapper ({@code dev.slowfast.rules.json.StrictJson},
 * the one every slowfast app uses); a body that breaks it throws a {@code JacksonException}, which
 * {@code problems/ErrorMapping} words as a 400. Vert.x's own {@code JsonObject} (Jackson 2) still writes the
 * responses. Bodies are at most 64 KiB, so decoding on the event loop is quick.
 */
public final class StrictJson {

    private static final JsonMapper MAPPER = dev.slowfast.rules.json.StrictJson.newMapper();

    private StrictJson() {
    }

    public static <T> T read(Buffer body, Class<T> type) {
        T value = MAPPER.readValue(body == null ? new byte[0] : body.getBytes(), type);
        if (value == null) { // the body was the JSON literal null
            throw ApiProblem.badRequest(JsonComplaints.NOT_AN_OBJECT);
        }
        return value;
    }
}
