package dev.slowfast.async;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.util.Set;

/**
 * The body of {@code POST /contacts} and {@code PUT /contacts/{id}}, read strictly: a JSON object
 * with only these members, each a string (or null, or absent). Anything else is a 400; the field
 * rules (422) are {@link ContactRules}' job.
 */
record ContactInput(String name, String email, String phone) {

    private static final Set<String> FIELDS = Set.of("name", "email", "phone");

    static ContactInput fromJson(Buffer body) {
        JsonObject json = asObject(body);
        for (String field : json.fieldNames()) {
            if (!FIELDS.contains(field)) {
                throw ProblemException.badRequest("Unknown field '" + field + "'; only name, email and phone are allowed.");
            }
        }
        return new ContactInput(string(json, "name"), string(json, "email"), string(json, "phone"));
    }

    private static JsonObject asObject(Buffer body) {
        Object json;
        try {
            json = body == null || body.length() == 0 ? null : Json.decodeValue(body);
        } catch (DecodeException e) {
            throw ProblemException.badRequest("The body is not well-formed JSON.");
        }
        if (json instanceof JsonObject object) {
            return object;
        }
        throw ProblemException.badRequest("The body must be a JSON object.");
    }

    /**
     * The member as a string, or null. Checked by hand because Vert.x's
     * {@code JsonObject.getString} would turn {@code 42} or {@code true} into text.
     */
    private static String string(JsonObject json, String field) {
        Object value = json.getValue(field);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw ProblemException.badRequest("Field '" + field + "' must be a string.");
    }
}
