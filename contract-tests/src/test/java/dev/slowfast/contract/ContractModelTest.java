package dev.slowfast.contract;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slowfast.contract.ContractModel.Created;
import dev.slowfast.contract.ContractModel.Outcome;
import dev.slowfast.contract.ContractModel.Problem;
import dev.slowfast.contract.RequestMutator.Request;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fuzz model says what docs/contract.md says, on the contract's own examples. */
class ContractModelTest {

    private static final String KNOWN = "0b6f0d6e-5f57-4bd4-9f3a-2a1b0c9d8e7f";
    private static final String UNKNOWN = "00000000-0000-0000-0000-000000000001";

    private static List<Outcome> expect(String method, String target, String contentType, String body) {
        return ContractModel.expect(new Request(method, target, contentType, body == null ? null : body.getBytes(UTF_8)), KNOWN::equals);
    }

    private static String only(List<Outcome> outcomes) {
        assertEquals(1, outcomes.size(), outcomes::toString);
        Outcome o = outcomes.get(0);
        return o instanceof Problem p ? p.status() + " " + p.type() + (p.fields().isEmpty() ? "" : " " + p.fields())
                : o.getClass().getSimpleName() + " " + o.status();
    }

    @ParameterizedTest(name = "{0} {1} [{2}] {3} -> {4}")
    @CsvSource(delimiter = '|', value = {
            // order of checks: path, method, Content-Type, size, syntax, fields, id
            "PUT    | /contacts/" + UNKNOWN + " | application/json | {\"name\":\"\"}        | 422 validation-failed [name]",
            "PUT    | /contacts/" + UNKNOWN + " | application/json | {\"name\":\"a\"}       | 404 not-found",
            "PUT    | /contacts/not-a-uuid       | application/json | {\"name\":            | 400 bad-request",
            "PUT    | /contacts/not-a-uuid       | text/plain       | {\"name\":            | 415 unsupported-media-type",
            "POST   | /contacts/" + KNOWN + "    | text/plain       | {\"name\":            | 405 method-not-allowed",
            "POST   | /contacts/                 | text/plain       | {\"name\":            | 404 not-found",
            "GET    | /contacts/                 |                  |                      | 404 not-found",
            "GET    | /fast/                     |                  |                      | 404 not-found",
            "DELETE | /contacts                  |                  |                      | 405 method-not-allowed",
            "POST   | /contacts                  |                  | {\"name\":\"a\"}       | 415 unsupported-media-type",
            "POST   | /contacts                  | application/merge-patch+json | {\"name\":\"a\"} | 415 unsupported-media-type",
            "POST   | /contacts                  | Application/JSON; charset=latin1 | {\"name\":\"a\"} | Created 201",
            "POST   | /contacts                  | application/json | {\"name\":\"\\u0000\"} | 422 validation-failed [name]",
            "POST   | /contacts                  | application/json | {\"name\":\" \",\"email\":\"nobody\",\"phone\":\"nope\"} | 422 validation-failed [name, email, phone]",
            "POST   | /contacts                  | application/json | {\"name\":null}       | 422 validation-failed [name]",
            "POST   | /contacts                  | application/json | {\"name\":\"a\",\"email\":5} | 400 bad-request",
            "POST   | /contacts                  | application/json | {\"name\":\"\\ud800\"} | 400 bad-request",
            "GET    | /contacts/" + KNOWN + "    | text/plain       | {\"name\":            | Fetched 200",
            "DELETE | /contacts/" + KNOWN + "?limit=x | text/plain  | garbage              | Deleted 204",
            "DELETE | /contacts/" + UNKNOWN + "   |                  |                      | 404 not-found",
            "GET    | /contacts/a%2Fb            |                  |                      | 404 not-found",
            "POST   | /contacts/a%2Fb            | application/json | {\"name\":\"a\"}       | 405 method-not-allowed",
            // query parameters
            "GET    | /contacts?limit=%31        |                  |                      | Listed 200",
            "GET    | /contacts?limit=0          |                  |                      | 400 bad-request",
            "GET    | /contacts?limit=101        |                  |                      | 400 bad-request",
            "GET    | /contacts?limit            |                  |                      | 400 bad-request",
            "GET    | /contacts?limit=5?after=x  |                  |                      | 400 bad-request",
            "GET    | /contacts?lim              |                  |                      | Listed 200",
            "GET    | /contacts?after=MQ         |                  |                      | Listed 200",
            "GET    | /contacts?after=MA         |                  |                      | 400 bad-request",
            "GET    | /contacts?after=OTIyMzM3MjAzNjg1NDc3NTgwOA |  |                      | 400 bad-request",
            "GET    | /contacts?after=OTIyMzM3MjAzNjg1NDc3NTgwNw |  |                      | Listed 200",
            "GET    | /slow?ms=60000             |                  |                      | Slept 200",
            "GET    | /slow/db?ms=60001          |                  |                      | 400 bad-request",
            "GET    | /slow?ms=-1                |                  |                      | 400 bad-request",
            "GET    | /slow?ms=%20               |                  |                      | 400 bad-request",
            "GET    | /cpu?n=1                   |                  |                      | 400 bad-request",
            "GET    | /cpu?n=0002                |                  |                      | Computed 200",
            "GET    | /cpu?n=1000000000000001    |                  |                      | 400 bad-request",
            "PATCH  | /cpu?n=2                   |                  |                      | 405 method-not-allowed"})
    void followsTheContract(String method, String target, String contentType, String body, String expected) {
        assertEquals(expected, only(expect(method, target, contentType, body)));
    }

    @Test
    void theSizeLimitIs65536BytesExactly() {
        String name = "{\"name\":\"a\"}";
        String within = name + " ".repeat(ContractModel.MAX_BODY_BYTES - name.length());
        assertEquals("Created 201", only(expect("POST", "/contacts", ApiClient.JSON, within)));
        assertEquals("413 content-too-large", only(expect("POST", "/contacts", ApiClient.JSON, within + " ")));
        assertEquals("415 unsupported-media-type", only(expect("POST", "/contacts", "text/plain", within + " ")));
    }

    @Test
    void theFieldRules() {
        assertEquals("Created 201", only(expect("POST", "/contacts", ApiClient.JSON, Json.contact("😀".repeat(200), null, null))));
        assertEquals("422 validation-failed [name]", only(expect("POST", "/contacts", ApiClient.JSON, Json.contact("😀".repeat(201), null, null))));
        assertEquals("Created 201", only(expect("POST", "/contacts", ApiClient.JSON, Json.contact("\u3000" + "n".repeat(200) + "\u2028", null, null))));
        assertEquals("Created 201", only(expect("POST", "/contacts", ApiClient.JSON, Json.contact("\u00a0", null, null))), "NBSP is not whitespace");
        var stripped = (Created) expect("POST", "/contacts", ApiClient.JSON, Json.contact(" \t Alan \u00a0\n", " a@b ", "+1 (555) 010-0000")).get(0);
        assertEquals("Alan \u00a0", stripped.fields().name(), "String.strip(): NBSP is not whitespace");
        assertEquals(" a@b ", stripped.fields().email(), "email is not stripped");
        for (String email : new String[] {"plain", "a@b@c", "@example.org", "ada@", "", "@", "e".repeat(127) + "@" + "d".repeat(127)}) {
            assertEquals("422 validation-failed [email]", only(expect("POST", "/contacts", ApiClient.JSON, Json.contact("a", email, null))), email);
        }
        assertEquals("Created 201", only(expect("POST", "/contacts", ApiClient.JSON, Json.contact("a", "😀".repeat(126) + "@" + "😀".repeat(127), null))));
        for (String phone : new String[] {"call me", "", "555-CALL", "1".repeat(41), "１２３", "٣", "5.5", "\t5"}) {
            assertEquals("422 validation-failed [phone]", only(expect("POST", "/contacts", ApiClient.JSON, Json.contact("a", null, phone))), phone);
        }
        assertEquals("Created 201", only(expect("POST", "/contacts", ApiClient.JSON, Json.contact("a", null, "0123456789".repeat(4)))));
    }

    @Test
    void whereTheContractIsSilentItAllowsEachReading() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', 'a', '"', '}'};
        Set<Integer> statuses = ContractModel.expect(new Request("POST", "/contacts", ApiClient.JSON, bom), id -> false)
                .stream().map(Outcome::status).collect(Collectors.toSet());
        assertEquals(Set.of(400, 201), statuses);
        Set<Integer> dot = expect("POST", "/contacts/.", ApiClient.JSON, "{\"name\":\"a\"}").stream().map(Outcome::status).collect(Collectors.toSet());
        assertEquals(Set.of(405, 404), dot);
        assertEquals("/", ContractModel.normalize("/contacts/.."));
        assertEquals("/contacts", ContractModel.normalize("/con%74acts"));
        assertEquals("/contacts/a%2Fb", ContractModel.normalize("/contacts/a%2Fb"));
        assertFalse(ContractModel.cursorIsValid(""));
        assertTrue(ContractModel.cursorIsValid("MQ=="));
    }
}
