package dev.slowfast.contract;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.slowfast.contract.RequestMutator.Request;
import dev.slowfast.contract.StrictContactJson.Contact;
import dev.slowfast.contract.StrictContactJson.Field;
import dev.slowfast.contract.StrictContactJson.Malformed;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.util.Iterator;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fuzz model's parser, against the contract's examples and, differentially, against the JDK and Jackson. */
class StrictContactJsonTest {

    private static StrictContactJson.Parsed parse(String body) {
        return StrictContactJson.parse(body.getBytes(UTF_8));
    }

    @Test
    void readsTheContactShape() {
        Contact contact = assertInstanceOf(Contact.class, parse(" {\"name\":\"Ada\" ,\n\"email\":null}\r\n"));
        assertEquals(Field.of("Ada"), contact.name());
        assertEquals(Field.NULL, contact.email());
        assertEquals(Field.ABSENT, contact.phone());
        assertInstanceOf(Contact.class, parse("{}"));
        Contact escaped = assertInstanceOf(Contact.class, parse("{\"na\\u006de\":\"\\ud83d\\ude00\\u0000\\/\\\"\"}"));
        assertEquals(Field.of("😀\u0000/\""), escaped.name());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"", " ", "{", "{\"name\":", "not json", "{\"name\":\"a\",}", "{'name':'a'}", "{\"name\":\"a\"} trailing",
            "[]", "\"Ada\"", "42", "null", "true", "{\"name\":42}", "{\"name\":true}", "{\"name\":[\"a\"]}", "{\"name\":{}}",
            "{\"name\":\"a\",\"nickname\":\"b\"}", "{\"name\":\"a\",\"name\":\"b\"}", "{\"name\":\"a\",\"na\\u006de\":\"b\"}",
            "{\"name\":\"a\tb\"}", "{\"name\":\"a\u0000b\"}", "\u0000\u0000", "{\"name\":\"\\ud800\"}", "{\"name\":\"\\udc00\"}",
            "{\"name\":\"\\ud83d\\u0041\"}", "{\"name\":\"\\x41\"}", "{\"name\":\"\\u12\"}", "{\"name\":nul}", "{\"name\":NULL}",
            "{\"name\":\"a\"}\u000b", "\u00a0{}", "{\"name\":\"a\"}{}", "{\"name\" \"a\"}", "{name:\"a\"}", "{\"name\":\"a\" \"email\":null}"})
    void refusesEverythingElse(String body) {
        assertInstanceOf(Malformed.class, parse(body), body);
    }

    @Test
    void refusesInvalidUtf8ButReportsAByteOrderMark() {
        for (String hex : new String[] {"C0AF", "E080AF", "F08080AF", "EDA080", "F4908080", "FF", "80", "C3", "C328"}) {
            byte[] body = concat("{\"name\":\"", java.util.HexFormat.of().parseHex(hex), "\"}");
            assertInstanceOf(Malformed.class, StrictContactJson.parse(body), hex);
        }
        Contact bom = assertInstanceOf(Contact.class, StrictContactJson.parse(concat("", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "{}")));
        assertTrue(bom.byteOrderMark());
    }

    /** The hand-written RFC 3629 check says exactly what the JDK's reporting UTF-8 decoder says. */
    @Test
    void theUtf8CheckAgreesWithTheJdkDecoder() {
        Random random = new Random(1);
        for (int i = 0; i < 300_000; i++) {
            byte[] bytes = new byte[1 + random.nextInt(6)];
            for (int k = 0; k < bytes.length; k++) {
                bytes[k] = (byte) (random.nextInt(3) == 0 ? random.nextInt(128) : 0x80 + random.nextInt(128));
            }
            assertEquals(jdkSaysValid(bytes), StrictContactJson.firstInvalidUtf8(bytes) < 0, () -> Request.escape(bytes));
        }
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            if (cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE) {
                String codePoint = "U+" + Integer.toHexString(cp);
                byte[] bytes = new String(Character.toChars(cp)).getBytes(UTF_8);
                assertTrue(StrictContactJson.firstInvalidUtf8(bytes) < 0, codePoint);
            }
        }
    }

    /**
     * On thousands of fuzzer bodies, the parser accepts exactly what strict Jackson accepts and finds of
     * the contact shape, except where the contract is stricter than Jackson: invalid UTF-8 and unpaired
     * surrogates (Jackson lets both through) and a byte order mark (Jackson skips it).
     */
    @Test
    void agreesWithStrictJacksonOnFuzzedBodies() {
        ObjectMapper jackson = JsonMapper.builder(JsonFactory.builder()
                        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
        Random random = new Random(2);
        RequestMutator mutator = new RequestMutator(random);
        int compared = 0;
        for (int i = 0; i < 40_000; i++) {
            String valid = Json.contact("Fuzz " + random.nextInt(1000), random.nextBoolean() ? "a@b" : null, random.nextBoolean() ? "+1 555" : null);
            byte[] body = mutator.mutate(new Request("POST", "/contacts", ApiClient.JSON, valid.getBytes(UTF_8))).body();
            if (StrictContactJson.firstInvalidUtf8(body) >= 0) {
                continue;
            }
            var mine = StrictContactJson.parse(body);
            Contact theirs = jacksonContact(jackson, body);
            String shown = Request.escape(body);
            if (theirs != null && hasUnpairedSurrogate(theirs)) {
                assertInstanceOf(Malformed.class, mine, shown);
                continue;
            }
            if (theirs == null) {
                assertInstanceOf(Malformed.class, mine, () -> "Jackson refuses, the model accepts: " + shown);
            } else {
                Contact contact = assertInstanceOf(Contact.class, mine, () -> "Jackson accepts, the model refuses: " + shown + " " + mine);
                assertEquals(theirs, new Contact(contact.name(), contact.email(), contact.phone(), false), shown);
                compared++;
            }
        }
        assertTrue(compared > 1000, "enough bodies of the contact shape: " + compared);
    }

    private static Contact jacksonContact(ObjectMapper jackson, byte[] body) {
        JsonNode node;
        try (JsonParser parser = jackson.createParser(body)) {
            node = jackson.readTree(parser);
            if (node == null || parser.nextToken() != null) {
                return null;
            }
        } catch (Exception notJson) {
            return null;
        }
        if (!node.isObject()) {
            return null;
        }
        Field name = Field.ABSENT;
        Field email = Field.ABSENT;
        Field phone = Field.ABSENT;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            var member = it.next();
            JsonNode value = member.getValue();
            if (!Set.of("name", "email", "phone").contains(member.getKey()) || !(value.isTextual() || value.isNull())) {
                return null;
            }
            Field field = value.isNull() ? Field.NULL : Field.of(value.textValue());
            switch (member.getKey()) {
                case "name" -> name = field;
                case "email" -> email = field;
                default -> phone = field;
            }
        }
        return new Contact(name, email, phone, false);
    }

    private static boolean hasUnpairedSurrogate(Contact contact) {
        for (Field field : new Field[] {contact.name(), contact.email(), contact.phone()}) {
            String s = field.value();
            for (int i = 0; s != null && i < s.length(); i++) {
                char c = s.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean jdkSaysValid(byte[] bytes) {
        try {
            UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static byte[] concat(String before, byte[] middle, String after) {
        var out = new java.io.ByteArrayOutputStream();
        out.writeBytes(before.getBytes(UTF_8));
        out.writeBytes(middle);
        out.writeBytes(after.getBytes(UTF_8));
        return out.toByteArray();
    }
}
