package dev.slowfast.contract.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slowfast.contract.ApiClient;
import dev.slowfast.contract.ApiResponse;
import dev.slowfast.contract.AppProcesses;
import dev.slowfast.contract.Problems;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every group of process cases shares: the apps it may start (injected by the suite) and the
 * oracles many cases use, each taken from docs/contract.md and the request that was sent.
 */
public abstract class ProcessCases {

    /** docs/contract.md, "Graceful shutdown": the process exits with one of these. */
    protected static final Set<Integer> CLEAN_EXIT = Set.of(0, 143);

    private AppProcesses apps;

    @BeforeEach
    void useApps(AppProcesses processes) {
        this.apps = processes;
    }

    protected final AppProcesses apps() {
        return apps;
    }

    /** 503 {@code overloaded} with {@code Retry-After: 1}, as docs/contract.md, "Load shedding", says. */
    protected static boolean isShed(ApiResponse response) {
        return Problems.isShed(response);
    }

    /** The given problem type with its status (the general problem checks ran when it arrived). */
    protected static boolean isProblem(ApiResponse response, int status, String type) {
        if (response.status() != status || !Problems.PROBLEM_JSON.equals(response.mediaType())) {
            return false;
        }
        try {
            return (Problems.BASE + type).equals(response.json().path("type").asText());
        } catch (AssertionError notJson) {
            return false;
        }
    }

    /** Whether the response says the server closes the connection after it. */
    protected static boolean closesConnection(ApiResponse response) {
        return response.headers().allValues("Connection").stream()
                .anyMatch(value -> value.toLowerCase(Locale.ROOT).contains("close"));
    }

    /** {@code /slow} or {@code /slow/db}'s answer for {@code ms}: 200, its message, and not before the wait. */
    protected static boolean isSlowAnswer(ApiResponse response, int ms) {
        return response.status() == 200 && ApiClient.JSON.equals(response.mediaType())
                && "That was slow!".equals(response.json().path("message").asText())
                && response.json().path("ms").asInt(-1) == ms
                && response.elapsed().toMillis() >= ms;
    }

    /** Every contact, following {@code Link: rel="next"}. */
    protected static List<JsonNode> listAll(ApiClient api) {
        List<JsonNode> all = new ArrayList<>();
        for (String target = "/contacts?limit=100"; target != null; ) {
            ApiResponse page = api.get(target);
            assertEquals(200, page.status(), page::describe);
            page.json().forEach(all::add);
            target = page.header("Link").map(link -> link.substring(1, link.indexOf('>'))).orElse(null);
        }
        return all;
    }

    /** How many stored contacts carry each name: a multiset, so a duplicate shows. */
    protected static Map<String, Integer> storedNameCounts(ApiClient api) {
        Map<String, Integer> counts = new TreeMap<>();
        for (JsonNode contact : listAll(api)) {
            counts.merge(contact.path("name").asText(), 1, Integer::sum);
        }
        return counts;
    }

    /** Nearest-rank percentile of millisecond samples. */
    protected static long percentile(List<Long> samples, double p) {
        assertTrue(!samples.isEmpty(), "no samples");
        List<Long> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    protected static long millisSince(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos).toMillis();
    }

    protected static void sleepUntil(long nanos) throws InterruptedException {
        long left = nanos - System.nanoTime();
        if (left > 0) {
            Thread.sleep(Duration.ofNanos(left));
        }
    }

    /** A list of what went wrong, one line each (the first 40, then how many more), for a failure message. */
    protected static String lines(List<String> problems) {
        if (problems.isEmpty()) {
            return "(none)";
        }
        List<String> shown = problems.size() > 40 ? problems.subList(0, 40) : problems;
        return "\n  - " + String.join("\n  - ", shown)
                + (problems.size() > shown.size() ? "\n  ... and " + (problems.size() - shown.size()) + " more" : "");
    }
}
