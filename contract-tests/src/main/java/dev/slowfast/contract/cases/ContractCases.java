package dev.slowfast.contract.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slowfast.contract.ApiClient;
import dev.slowfast.contract.ApiResponse;
import dev.slowfast.contract.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every group of contract cases shares: the client for the app under test and a few
 * steps that many cases take (create a contact, read the whole list).
 */
public abstract class ContractCases {

    private static final Pattern NEXT_LINK = Pattern.compile("^<(/contacts\\?limit=(\\d+)&after=([^>]+))>; rel=\"next\"$");

    private ApiClient api;

    /** The suite that runs these cases supplies the client for the app under test (a JUnit parameter resolver). */
    @BeforeEach
    void useClient(ApiClient client) {
        this.api = client;
    }

    /** The client for the app under test. */
    protected final ApiClient api() {
        return api;
    }

    /** Creates a contact that must succeed, and returns its JSON. */
    protected JsonNode createContact(String name, String email, String phone) {
        ApiResponse created = api().post("/contacts", Json.contact(name, email, phone));
        assertEquals(201, created.status(), created::describe);
        return created.json();
    }

    /** A name no other test uses, so a test can find its own rows among everyone's. */
    protected static String uniqueName(String label) {
        return label + " " + UUID.randomUUID();
    }

    /** Every page of the listing, following {@code Link: rel="next"} to the end. */
    protected List<JsonNode> listAll(int limit) {
        List<JsonNode> all = new ArrayList<>();
        String target = "/contacts?limit=" + limit;
        for (int page = 0; target != null; page++) {
            assertTrue(page < 100_000, "pagination never ends");
            ApiResponse response = api().get(target);
            assertEquals(200, response.status(), response::describe);
            JsonNode items = response.json();
            assertTrue(items.isArray(), response::describe);
            assertTrue(page == 0 || !items.isEmpty(), () -> "a next link led to an empty page: " + response.describe());
            assertTrue(items.size() <= limit, () -> "page larger than limit " + limit + ": " + response.describe());
            items.forEach(all::add);
            target = nextPage(response, limit);
        }
        return all;
    }

    /** The target of the next page, or null on the last page; checks the Link header's form. */
    protected static String nextPage(ApiResponse response, int expectedLimit) {
        var link = response.header("Link");
        if (link.isEmpty()) {
            return null;
        }
        Matcher matcher = NEXT_LINK.matcher(link.get());
        assertTrue(matcher.matches(), () -> "Link header form: " + response.describe() + " Link: " + link.get());
        assertEquals(String.valueOf(expectedLimit), matcher.group(2), "Link keeps the page size");
        assertTrue(response.json().size() == expectedLimit, "only a full page can have a next page");
        return matcher.group(1);
    }

    protected static List<String> ids(List<JsonNode> contacts) {
        return contacts.stream().map(contact -> contact.path("id").asText()).toList();
    }
}
