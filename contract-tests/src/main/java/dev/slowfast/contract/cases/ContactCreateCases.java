package dev.slowfast.contract.cases;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slowfast.contract.ApiClient;
import dev.slowfast.contract.ApiResponse;
import dev.slowfast.contract.Json;
import dev.slowfast.contract.Problems;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code POST /contacts}: what is stored, and every way a body can be refused. */
public abstract class ContactCreateCases extends ContractCases {

    static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    static final String CREATED_AT_PATTERN = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z";
    static final int MAX_BODY_BYTES = 64 * 1024;

    @Test
    void createAnswers201WithLocationAndTheStoredContact() {
        String name = uniqueName("Ada Lovelace");
        ApiResponse created = api().post("/contacts", Json.contact(name, "ada@example.org", "+44 (20) 7946-0000"));

        assertEquals(201, created.status(), created::describe);
        assertEquals(ApiClient.JSON, created.mediaType());
        JsonNode contact = created.json();
        String id = contact.path("id").asText();
        assertTrue(id.matches(UUID_PATTERN), () -> "id is a lowercase UUID: " + id);
        assertEquals("/contacts/" + id, created.header("Location").orElse(""));
        assertEquals(name, contact.path("name").asText());
        assertEquals("ada@example.org", contact.path("email").asText());
        assertEquals("+44 (20) 7946-0000", contact.path("phone").asText());
        String createdAt = contact.path("createdAt").asText();
        assertTrue(createdAt.matches(CREATED_AT_PATTERN), () -> "createdAt format: " + createdAt);
        Instant.parse(createdAt);

        ApiResponse fetched = api().get(created.header("Location").orElseThrow());
        assertEquals(200, fetched.status(), fetched::describe);
        assertEquals(contact, fetched.json(), "GET Location returns what POST returned");
    }

    @Test
    void createWithOnlyANameStoresNullEmailAndPhone() {
        ApiResponse created = api().post("/contacts", Json.object("name", "Grace Hopper"));
        assertEquals(201, created.status(), created::describe);
        assertTrue(created.json().has("email") && created.json().path("email").isNull(), created::describe);
        assertTrue(created.json().has("phone") && created.json().path("phone").isNull(), created::describe);
    }

    @Test
    void createAcceptsExplicitNullsForOptionalFields() {
        ApiResponse created = api().post("/contacts", Json.contact("Katherine Johnson", null, null));
        assertEquals(201, created.status(), created::describe);
        assertTrue(created.json().path("email").isNull());
    }

    @Test
    void createStripsLeadingAndTrailingWhitespaceFromTheName() {
        ApiResponse created = api().post("/contacts", Json.object("name", " \t Alan Turing \n "));
        assertEquals(201, created.status(), created::describe);
        assertEquals("Alan Turing", created.json().path("name").asText());
    }

    @Test
    void createKeepsUnicodeIntact() {
        String name = "Zoë Łukasiewicz 山田太郎 😀";
        JsonNode contact = createContact(name, "zoë@exämple.org", null);
        JsonNode fetched = api().get("/contacts/" + contact.path("id").asText()).json();
        assertEquals(name, fetched.path("name").asText());
        assertEquals("zoë@exämple.org", fetched.path("email").asText());
    }

    @Test
    void createCountsNameLengthInCodePoints() {
        String twoHundredEmoji = "😀".repeat(200); // 400 UTF-16 chars, 200 code points
        assertEquals(twoHundredEmoji, createContact(twoHundredEmoji, null, null).path("name").asText());
        Problems.assertValidationFailed(api().post("/contacts", Json.object("name", "😀".repeat(201))), "name");
    }

    @Test
    void createAcceptsEveryFieldAtItsLongestLength() {
        String name = "n".repeat(200);
        String email = "e".repeat(120) + "@" + "d".repeat(133);
        String phone = "0123456789".repeat(4);
        JsonNode contact = createContact(name, email, phone);
        assertEquals(name, contact.path("name").asText());
        assertEquals(254, contact.path("email").asText().length());
        assertEquals(phone, contact.path("phone").asText());
    }

    @Test
    void createAcceptsAJsonContentTypeWithParameters() {
        byte[] body = Json.object("name", "Charset Carol").getBytes(UTF_8);
        ApiResponse created = api().send("POST", "/contacts", "application/json; charset=utf-8", body);
        assertEquals(201, created.status(), created::describe);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{}", "{\"name\":null}", "{\"name\":\"\"}", "{\"name\":\"   \\t \"}", "{\"email\":\"a@b\"}"})
    void createRequiresANonBlankName(String body) {
        Problems.assertValidationFailed(api().post("/contacts", body), "name");
    }

    @Test
    void createRejectsANameLongerThan200() {
        Problems.assertValidationFailed(api().post("/contacts", Json.object("name", "n".repeat(201))), "name");
    }

    @ParameterizedTest(name = "email={0}")
    @ValueSource(strings = {"plain", "a@b@c", "@example.org", "ada@", "", "@"})
    void createRejectsEmailsWithoutExactlyOneAtBetweenText(String email) {
        Problems.assertValidationFailed(api().post("/contacts", Json.contact("Bad Email", email, null)), "email");
    }

    @Test
    void createRejectsAnEmailLongerThan254() {
        String email = "e".repeat(121) + "@" + "d".repeat(133);
        Problems.assertValidationFailed(api().post("/contacts", Json.contact("Long Email", email, null)), "email");
    }

    @ParameterizedTest(name = "phone={0}")
    @ValueSource(strings = {"call me", "", "555-CALL", "12345678901234567890123456789012345678901", "+1 555 0100 ext. 7"})
    void createRejectsPhonesOtherThan1To40DigitsSpacesAndPlusMinusParens(String phone) {
        Problems.assertValidationFailed(api().post("/contacts", Json.contact("Bad Phone", null, phone)), "phone");
    }

    @Test
    void createReportsEveryBrokenRuleInFieldOrder() {
        Problems.assertValidationFailed(api().post("/contacts", Json.contact(" ", "nobody", "nope")),
                "name", "email", "phone");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{\"name\":", "not json", "{\"name\":\"a\",}", "{'name':'a'}", " ", "{\"name\":\"a\"} trailing"})
    void createRejectsMalformedJson(String body) {
        Problems.assertProblem(api().post("/contacts", body), Problems.BAD_REQUEST);
    }

    @Test
    void createRejectsAnEmptyBody() {
        Problems.assertProblem(api().send("POST", "/contacts", ApiClient.JSON, new byte[0]), Problems.BAD_REQUEST);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"[]", "[{\"name\":\"a\"}]", "\"Ada\"", "42", "null", "true"})
    void createRejectsBodiesThatAreNotJsonObjects(String body) {
        Problems.assertProblem(api().post("/contacts", body), Problems.BAD_REQUEST);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{\"name\":42}", "{\"name\":true}", "{\"name\":[\"a\"]}", "{\"name\":{\"first\":\"a\"}}",
            "{\"name\":\"a\",\"email\":5}", "{\"name\":\"a\",\"phone\":5551234}", "{\"name\":\"a\",\"phone\":false}"})
    void createRejectsFieldsOfTheWrongJsonType(String body) {
        Problems.assertProblem(api().post("/contacts", body), Problems.BAD_REQUEST);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{\"name\":\"a\",\"nickname\":\"b\"}",
            "{\"name\":\"a\",\"id\":\"00000000-0000-0000-0000-000000000001\"}", "{\"name\":\"a\",\"createdAt\":null}"})
    void createRejectsUnknownFields(String body) {
        Problems.assertProblem(api().post("/contacts", body), Problems.BAD_REQUEST);
    }

    @ParameterizedTest(name = "Content-Type: {0}")
    @ValueSource(strings = {"", "text/plain", "application/xml", "application/x-www-form-urlencoded"})
    void createRequiresAJsonContentType(String contentType) {
        byte[] body = Json.object("name", "Wrong Type").getBytes(UTF_8);
        ApiResponse response = api().send("POST", "/contacts", contentType.isEmpty() ? null : contentType, body);
        Problems.assertProblem(response, Problems.UNSUPPORTED_MEDIA_TYPE);
    }

    @Test
    void createAcceptsABodyOfExactly64KiB() {
        ApiResponse created = api().send("POST", "/contacts", ApiClient.JSON, paddedBody("Exactly 64 KiB", MAX_BODY_BYTES));
        assertEquals(201, created.status(), created::describe);
    }

    @Test
    void createRejectsABodyOneByteOver64KiB() {
        ApiResponse response = api().send("POST", "/contacts", ApiClient.JSON, paddedBody("Over 64 KiB", MAX_BODY_BYTES + 1));
        Problems.assertProblem(response, Problems.CONTENT_TOO_LARGE);
    }

    @Test
    void createRejectsAMegabyteBody() {
        byte[] body = Json.object("name", "x".repeat(1024 * 1024)).getBytes(UTF_8);
        Problems.assertProblem(api().send("POST", "/contacts", ApiClient.JSON, body), Problems.CONTENT_TOO_LARGE);
    }

    @Test
    void refusedCreatesStoreNothing() {
        String marker = uniqueName("Refused");
        api().post("/contacts", Json.contact(marker, "not-an-email", null));
        api().post("/contacts", Json.object("name", marker, "nickname", "x"));
        api().send("POST", "/contacts", "text/plain", Json.object("name", marker).getBytes(UTF_8));
        api().send("POST", "/contacts", ApiClient.JSON, paddedBody(marker, MAX_BODY_BYTES + 1));
        assertFalse(listAll(100).stream().anyMatch(c -> c.path("name").asText().equals(marker)),
                "a refused request must not leave a contact behind");
    }

    /** A valid contact body padded with insignificant whitespace to exactly {@code size} bytes. */
    static byte[] paddedBody(String name, int size) {
        String json = Json.object("name", name);
        int padding = size - json.getBytes(UTF_8).length;
        return (json.substring(0, json.length() - 1) + " ".repeat(padding) + "}").getBytes(UTF_8);
    }
}
