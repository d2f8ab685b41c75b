package dev.slowfast.contract.cases;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slowfast.contract.ApiResponse;
import dev.slowfast.contract.Json;
import dev.slowfast.contract.Problems;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code GET}, {@code PUT} and {@code DELETE /contacts/{id}}, and the round trip through all of them. */
public abstract class ContactLifecycleCases extends ContractCases {

    private JsonNode read(String id) {
        ApiResponse response = api().get("/contacts/" + id);
        assertEquals(200, response.status(), response::describe);
        return response.json();
    }

    @Test
    void getReturnsTheStoredContact() {
        JsonNode created = createContact(uniqueName("Barbara Liskov"), "barbara@example.org", "617 253 0000");
        assertEquals(created, read(created.path("id").asText()));
    }

    @Test
    void getOfAnUnknownIdIs404() {
        Problems.assertProblem(api().get("/contacts/" + UUID.randomUUID()), Problems.NOT_FOUND);
    }

    @ParameterizedTest(name = "id={0}")
    @ValueSource(strings = {"not-a-uuid", "123", "00000000-0000-0000-0000-00000000000g", "%20",
            "00000000-0000-0000-0000-0000000000001"})
    void getOfAMalformedIdIs404(String id) {
        Problems.assertProblem(api().get("/contacts/" + id), Problems.NOT_FOUND);
    }

    @Test
    void putReplacesTheFieldsAndKeepsIdAndCreatedAt() {
        JsonNode created = createContact(uniqueName("Before"), "before@example.org", "1");
        String id = created.path("id").asText();

        ApiResponse replaced = api().put("/contacts/" + id, Json.contact("  After  ", "after@example.org", "2"));

        assertEquals(200, replaced.status(), replaced::describe);
        assertEquals(id, replaced.json().path("id").asText());
        assertEquals(created.path("createdAt"), replaced.json().path("createdAt"));
        assertEquals("After", replaced.json().path("name").asText());
        assertEquals("after@example.org", replaced.json().path("email").asText());
        assertEquals("2", replaced.json().path("phone").asText());
        assertEquals(replaced.json(), read(id), "GET shows what PUT returned");
    }

    @Test
    void putReplacesTheWholeContactSoOmittedFieldsBecomeNull() {
        JsonNode created = createContact(uniqueName("Full"), "full@example.org", "+1 555 0100");
        String id = created.path("id").asText();

        ApiResponse replaced = api().put("/contacts/" + id, Json.object("name", "Only A Name"));

        assertEquals(200, replaced.status(), replaced::describe);
        assertTrue(read(id).path("email").isNull());
        assertTrue(read(id).path("phone").isNull());
    }

    @Test
    void putWithABrokenRuleIs422AndChangesNothing() {
        JsonNode created = createContact(uniqueName("Unchanged"), "same@example.org", null);
        String id = created.path("id").asText();
        Problems.assertValidationFailed(api().put("/contacts/" + id, Json.contact("", "same@example.org", null)), "name");
        assertEquals(created, read(id));
    }

    @Test
    void putWithMalformedJsonIs400AndChangesNothing() {
        JsonNode created = createContact(uniqueName("Intact"), null, null);
        String id = created.path("id").asText();
        Problems.assertProblem(api().put("/contacts/" + id, "{\"name\": \"half"), Problems.BAD_REQUEST);
        Problems.assertProblem(api().put("/contacts/" + id, "{\"name\":\"x\",\"id\":\"" + id + "\"}"), Problems.BAD_REQUEST);
        assertEquals(created, read(id));
    }

    @Test
    void putWithoutAJsonContentTypeIs415() {
        JsonNode created = createContact(uniqueName("Typed"), null, null);
        ApiResponse response = api().send("PUT", "/contacts/" + created.path("id").asText(), "text/plain",
                Json.object("name", "x").getBytes(UTF_8));
        Problems.assertProblem(response, Problems.UNSUPPORTED_MEDIA_TYPE);
        assertEquals(created, read(created.path("id").asText()));
    }

    @Test
    void putOverBodyLimitIs413() {
        JsonNode created = createContact(uniqueName("Small"), null, null);
        ApiResponse response = api().send("PUT", "/contacts/" + created.path("id").asText(), "application/json",
                ContactCreateCases.paddedBody("Big", ContactCreateCases.MAX_BODY_BYTES + 1));
        Problems.assertProblem(response, Problems.CONTENT_TOO_LARGE);
    }

    @Test
    void putOfAnUnknownIdIs404() {
        Problems.assertProblem(api().put("/contacts/" + UUID.randomUUID(), Json.object("name", "Nobody")), Problems.NOT_FOUND);
        Problems.assertProblem(api().put("/contacts/not-a-uuid", Json.object("name", "Nobody")), Problems.NOT_FOUND);
    }

    @Test
    void putChecksTheBodyBeforeTheId() {
        Problems.assertValidationFailed(api().put("/contacts/" + UUID.randomUUID(), Json.object("name", "")), "name");
    }

    @Test
    void deleteAnswers204ThenTheContactIsGone() {
        String id = createContact(uniqueName("Short-lived"), null, null).path("id").asText();

        ApiResponse deleted = api().delete("/contacts/" + id);

        assertEquals(204, deleted.status(), deleted::describe);
        assertTrue(deleted.body().isEmpty(), "204 has no body");
        Problems.assertProblem(api().get("/contacts/" + id), Problems.NOT_FOUND);
        Problems.assertProblem(api().delete("/contacts/" + id), Problems.NOT_FOUND);
        assertFalse(ids(listAll(100)).contains(id), "a deleted contact is not listed");
    }

    @Test
    void deleteOfAnUnknownOrMalformedIdIs404() {
        Problems.assertProblem(api().delete("/contacts/" + UUID.randomUUID()), Problems.NOT_FOUND);
        Problems.assertProblem(api().delete("/contacts/nope"), Problems.NOT_FOUND);
    }

    @Test
    void createGetUpdateGetDeleteGetRoundTrip() {
        ApiResponse created = api().post("/contacts", Json.contact("Edsger Dijkstra", "ewd@example.nl", null));
        assertEquals(201, created.status(), created::describe);
        String location = created.header("Location").orElseThrow();

        assertEquals(created.json(), api().get(location).json());

        ApiResponse updated = api().put(location, Json.contact("Edsger W. Dijkstra", "ewd@cs.utexas.edu", "+1 512 471 7316"));
        assertEquals(200, updated.status(), updated::describe);

        JsonNode afterUpdate = api().get(location).json();
        assertEquals("Edsger W. Dijkstra", afterUpdate.path("name").asText());
        assertEquals("ewd@cs.utexas.edu", afterUpdate.path("email").asText());
        assertEquals("+1 512 471 7316", afterUpdate.path("phone").asText());
        assertEquals(created.json().path("createdAt"), afterUpdate.path("createdAt"));

        assertEquals(204, api().delete(location).status());
        Problems.assertProblem(api().get(location), Problems.NOT_FOUND);
    }
}
