package dev.slowfast.rules.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.slowfast.rules.ContactInput;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

class StrictJsonTest {

    private static final JsonMapper MAPPER = StrictJson.newMapper();

    private static String complaint(String body) {
        return complaint(body.getBytes(StandardCharsets.UTF_8));
    }

    private static String complaint(byte[] body) {
        var e = assertThrows(JacksonException.class, () -> MAPPER.readValue(body, ContactInput.class));
        return JsonComplaints.badRequest(e).getMessage();
    }

    @Test
    void readsExactlyTheThreeMembersEachStringOrNull() {
        assertEquals(new ContactInput("Ada", null, "1"), MAPPER.readValue("{\"name\":\"Ada\",\"email\":null,\"phone\":\"1\"}", ContactInput.class));
        assertEquals(new ContactInput(null, null, null), MAPPER.readValue("{}", ContactInput.class));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"name\":\"a\",\"name\":\"b\"}       | The request body is not well-formed JSON.",
            "{\"name\":\"a\",\"age\":1}            | Unknown field 'age'.",
            "{\"name\":42}                         | Field 'name' must be a string or null.",
            "{\"name\":true}                       | Field 'name' must be a string or null.",
            "{\"name\":{}}                         | Field 'name' must be a string or null.",
            "[]                                    | The request body must be one JSON object.",
            "\"Ada\"                               | The request body must be one JSON object.",
            "{\"name\":\"a\"} x                    | The request body is not well-formed JSON.",
            "{\"name\":                            | The request body is not well-formed JSON."})
    void everyLeniencyJacksonHasByDefaultIsA400(String body, String detail) {
        assertEquals(detail, complaint(body));
    }

    @Test
    void hostileBodiesFailEarly() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        var e = assertThrows(JacksonException.class, () -> MAPPER.readTree(deep));
        assertEquals(JsonComplaints.TOO_DEEP_OR_LONG, JsonComplaints.badRequest(e).getMessage());
        // as a member's value it is refused even before the depth counts: a wrong type
        assertEquals("Field 'name' must be a string or null.", complaint("{\"name\":" + deep + "}"));
        assertEquals(JsonComplaints.TOO_DEEP_OR_LONG, complaint("{\"name\":\"a\",\"x\":" + "9".repeat(2_000) + "}"));
    }

    private static byte[] nameWithBytes(int... bytes) {
        var out = new java.io.ByteArrayOutputStream();
        out.writeBytes("{\"name\":\"a".getBytes(StandardCharsets.US_ASCII));
        for (int b : bytes) {
            out.write(b);
        }
        out.writeBytes("\"}".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    @Test
    void onlyWellFormedUtf8IsRead() {
        // a broken pair, an overlong '?', a code point above U+10FFFF, an encoded surrogate, a cut sequence
        for (byte[] body : java.util.List.of(nameWithBytes(0xC3, 0x28), nameWithBytes(0xC1, 0xBF), nameWithBytes(0xF4, 0x90, 0x80, 0x80),
                nameWithBytes(0xED, 0xA0, 0x80), nameWithBytes(0xE2, 0x82))) {
            assertEquals(JsonComplaints.NOT_UTF8, complaint(body));
            assertEquals(JsonComplaints.NOT_UTF8, JsonComplaints.find(assertThrows(JacksonException.class,
                    () -> MAPPER.readValue(new java.io.ByteArrayInputStream(body), ContactInput.class))).orElseThrow().getMessage());
        }
        assertEquals("a\u00e9\uD83D\uDE00", MAPPER.readValue(nameWithBytes(0xC3, 0xA9, 0xF0, 0x9F, 0x98, 0x80), ContactInput.class).name());
    }

    @Test
    void halfASurrogatePairIsNotText() {
        for (String escaped : java.util.List.of("\\ud800", "\\udc00", "\\udc00\\ud800", "x\\ud800y")) {
            assertEquals(JsonComplaints.LONE_SURROGATE, complaint("{\"email\":\"" + escaped + "\"}"), escaped);
        }
        assertEquals("\uD83D\uDE00", MAPPER.readValue("{\"phone\":\"\\ud83d\\ude00\"}", ContactInput.class).phone());
    }

    @Test
    void findsAJacksonFailureBehindAFrameworksWrapper() {
        var jackson = assertThrows(JacksonException.class, () -> MAPPER.readValue("[]", ContactInput.class));
        var wrapped = new IllegalStateException("codec failed", new RuntimeException(jackson));
        assertEquals(JsonComplaints.NOT_AN_OBJECT, JsonComplaints.find(wrapped).orElseThrow().getMessage());
        assertEquals(true, JsonComplaints.find(new RuntimeException("other")).isEmpty());
    }
}
