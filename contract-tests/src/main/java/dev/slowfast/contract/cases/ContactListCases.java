package dev.slowfast.contract.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slowfast.contract.ApiClient;
import dev.slowfast.contract.ApiResponse;
import dev.slowfast.contract.Json;
import dev.slowfast.contract.Problems;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code GET /contacts}: keyset pagination in creation order. Other cases add rows to the same
 * database, so each case checks its own rows' presence and relative order, never absolute counts.
 */
public abstract class ContactListCases extends ContractCases {

    private List<String> createMany(String label, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(createContact(uniqueName(label + " " + i), null, null).path("id").asText());
        }
        return ids;
    }

    @Test
    void listIsAJsonArrayOfContacts() {
        String id = createContact(uniqueName("Listed"), "listed@example.org", null).path("id").asText();
        ApiResponse response = api().get("/contacts?limit=100");
        assertEquals(200, response.status(), response::describe);
        assertEquals(ApiClient.JSON, response.mediaType());
        assertTrue(response.json().isArray());
        assertTrue(ids(listAll(100)).contains(id));
    }

    @Test
    void paginationToTheEndListsEveryContactOnceInCreationOrder() {
        List<String> mine = createMany("Paged", 7);

        List<String> listed = ids(listAll(3));

        assertEquals(listed.size(), new HashSet<>(listed).size(), "no contact appears twice");
        List<String> mineAsListed = listed.stream().filter(mine::contains).toList();
        assertEquals(mine, mineAsListed, "every contact, once, in creation order");
    }

    @Test
    void pagesOfOneWalkTheWholeListingAndTheLastFullPageHasNoLink() {
        List<String> mine = createMany("Single", 3);
        List<String> listed = ids(listAll(1));
        assertEquals(mine, listed.stream().filter(mine::contains).toList());
        assertEquals(ids(listAll(100)), listed, "page size does not change the listing");
    }

    @Test
    void theDefaultPageSizeIs20() {
        createMany("Default", 21);
        ApiResponse first = api().get("/contacts");
        assertEquals(200, first.status(), first::describe);
        assertEquals(20, first.json().size());
        assertTrue(nextPage(first, 20) != null, "more than 20 exist, so there is a next page");
    }

    @Test
    void aCursorStillWorksAfterItsContactIsDeleted() {
        List<String> mine = createMany("Cursor", 3);
        String afterFirst = linkAfter(mine.get(0));
        assertEquals(204, api().delete("/contacts/" + mine.get(0)).status());

        ApiResponse page = api().get(afterFirst);

        assertEquals(200, page.status(), page::describe);
        assertEquals(mine.get(1), page.json().path(0).path("id").asText());
    }

    /** Walks pages of one until the page holding {@code id}, and returns that page's next link. */
    private String linkAfter(String id) {
        String target = "/contacts?limit=1";
        while (target != null) {
            ApiResponse page = api().get(target);
            target = nextPage(page, 1);
            if (page.json().path(0).path("id").asText().equals(id)) {
                return target;
            }
        }
        throw new AssertionError(id + " is not listed");
    }

    @ParameterizedTest(name = "limit={0}")
    @ValueSource(strings = {"0", "101", "-1", "ten", "", "1.5", "99999999999999999999"})
    void listRejectsLimitsOutside1To100(String limit) {
        Problems.assertProblem(api().get("/contacts?limit=" + limit), Problems.BAD_REQUEST);
    }

    @Test
    void listAcceptsTheLargestPageSize() {
        ApiResponse response = api().get("/contacts?limit=100");
        assertEquals(200, response.status(), response::describe);
    }

    @ParameterizedTest(name = "after={0}")
    @ValueSource(strings = {"!!!", "bm90LWEtbnVtYmVy", "LTE", "MA", "", "%F0%9F%98%80"})
    void listRejectsCursorsItDidNotIssue(String after) {
        Problems.assertProblem(api().get("/contacts?after=" + after), Problems.BAD_REQUEST);
    }

    /**
     * A cursor is unpadded base64url of decimal digits that name a {@code bigint} seq (docs/contract.md):
     * 19 digits up to 2^63-1 are valid, and no row can come after the largest.
     */
    @ParameterizedTest(name = "after={0}")
    @ValueSource(strings = {"9223372036854775807", "1000000000000000000"})
    void listAcceptsNineteenDigitCursorsUpToTheLargestBigint(String seq) {
        createContact(uniqueName("Before the cursor"), null, null);

        ApiResponse page = api().get("/contacts?after=" + cursorOf(seq));

        assertEquals(200, page.status(), page::describe);
        assertTrue(page.json().isArray() && page.json().isEmpty(), () -> "no row comes after seq " + seq + ": " + page.describe());
        assertTrue(page.header("Link").isEmpty(), page::describe);
    }

    @ParameterizedTest(name = "after={0}")
    @ValueSource(strings = {"9223372036854775808", "99999999999999999999"})
    void listRejectsCursorsOutsideThePositiveBigintRange(String seq) {
        Problems.assertProblem(api().get("/contacts?after=" + cursorOf(seq)), Problems.BAD_REQUEST);
    }

    private static String cursorOf(String digits) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digits.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void fiftyConcurrentCreatesAreEachListedExactlyOnce() {
        String label = uniqueName("Concurrent");
        List<CompletableFuture<ApiResponse>> inFlight = IntStream.range(0, 50)
                .mapToObj(i -> api().postAsync("/contacts", Json.object("name", label + " #" + i)))
                .toList();
        List<String> created = inFlight.stream().map(CompletableFuture::join).map(response -> {
            assertEquals(201, response.status(), response::describe);
            return response.json().path("id").asText();
        }).toList();
        assertEquals(50, new HashSet<>(created).size(), "50 distinct ids");

        List<String> listed = ids(listAll(7)).stream().filter(created::contains).toList();
        assertEquals(50, listed.size(), "each created contact is listed");
        assertEquals(50, new HashSet<>(listed).size(), "and listed exactly once");
    }
}
