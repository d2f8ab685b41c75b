package dev.slowfast.async;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The body of {@code POST /contacts} and {@code PUT /contacts/{id}}, read strictly: UTF-8 JSON,
 * an object with only these members, each once, each a string (or null, or absent). Anything else
 * is a 400; the field rules (422) are {@link ContactRules}' job.
 *
 * <p>Read token by token with Jackson's streaming parser (the one under Vert.x's own JSON) rather
 * than through {@code JsonObject}: that keeps the last of duplicate keys silently and turns
 * {@code 42} into {@code "42"} on request. Streaming also stops at the first token that cannot
 * belong to a contact, so hostile bodies (10,000 nested arrays, 2,000-digit numbers) are refused
 * without being built; Jackson's default {@code StreamReadConstraints} bound whatever is read.
 */
record ContactInput(String name, String email, String phone) {

    private static final Set<String> FIELDS = Set.of("name", "email", "phone");
    private static final JsonFactory JSON = new JsonFactory();

    static ContactInput fromJson(Buffer body) {
        Map<String, String> members = new HashMap<>();
        try (JsonParser parser = JSON.createParser(utf8(body))) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw ProblemException.badRequest("The body must be a JSON object.");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                if (!FIELDS.contains(field)) {
                    throw ProblemException.badRequest("Unknown field '" + field + "'; only name, email and phone are allowed.");
                }
                if (members.containsKey(field)) {
                    throw ProblemException.badRequest("Field '" + field + "' appears more than once.");
                }
                members.put(field, stringValue(parser, field));
            }
            // The loop ended on the object's closing brace (anything else throws); nothing may follow it.
            if (parser.nextToken() != null) {
                throw ProblemException.badRequest("The body must be one JSON object and nothing after it.");
            }
        } catch (JsonProcessingException malformed) { // includes StreamConstraintsException
            throw ProblemException.badRequest("The body is not well-formed JSON.");
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen: the source is a String in memory
        }
        return new ContactInput(members.get("name"), members.get("email"), members.get("phone"));
    }

    /**
     * The member's value as a string, or null. Checked by hand because Vert.x's
     * {@code JsonObject.getString} would turn {@code 42} or {@code true} into text.
     */
    private static String stringValue(JsonParser parser, String field) throws IOException {
        return switch (parser.nextToken()) {
            case VALUE_STRING -> parser.getText();
            case VALUE_NULL -> null;
            case null, default -> throw ProblemException.badRequest("Field '" + field + "' must be a string.");
        };
    }

    /**
     * JSON exchanged between systems is UTF-8 (RFC 8259); decoding it ourselves, strictly, means
     * malformed bytes are a 400 and Jackson never guesses UTF-16 from a body full of NUL bytes.
     */
    private static String utf8(Buffer body) {
        if (body == null) {
            return "";
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body.getBytes()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw ProblemException.badRequest("The body is not valid UTF-8.");
        }
    }
}
