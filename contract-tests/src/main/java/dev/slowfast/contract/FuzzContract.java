package dev.slowfast.contract;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slowfast.contract.ContractModel.Computed;
import dev.slowfast.contract.ContractModel.Created;
import dev.slowfast.contract.ContractModel.Deleted;
import dev.slowfast.contract.ContractModel.Fetched;
import dev.slowfast.contract.ContractModel.Fields;
import dev.slowfast.contract.ContractModel.Listed;
import dev.slowfast.contract.ContractModel.Outcome;
import dev.slowfast.contract.ContractModel.Plain;
import dev.slowfast.contract.ContractModel.Problem;
import dev.slowfast.contract.ContractModel.Replaced;
import dev.slowfast.contract.ContractModel.Row;
import dev.slowfast.contract.ContractModel.Slept;
import dev.slowfast.contract.RequestMutator.Request;
import dev.slowfast.testkit.PostgresServer;
import dev.slowfast.testkit.TestDatabase;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A seeded mutation fuzzer with an independent oracle. Thousands of requests mutated from valid ones
 * ({@link RequestMutator}) each get the answer {@link ContractModel} derives from what was <em>sent</em>
 * and docs/contract.md's rules: the status, the problem type (with the 422's fields and the 405's
 * {@code Allow}), and for successes the exact contact the body means (stripped name, email, phone, as
 * sent). The model keeps its own copy of every contact; at the end the app's listing must be exactly
 * that copy, each worker's contacts in creation order. Every response also goes through
 * {@link ApiClient}'s checks (OpenAPI, problem shape, never a 5xx but 503).
 *
 * <p>Any disagreement fails with the seed, the worker and the request number, the request (method,
 * target, Content-Type, body with bytes escaped), what the contract allows and why, and what the app
 * said. Replay with {@code -Dcontract.fuzz.seed=<seed>}; {@code -Dcontract.fuzz.requests=<n>} changes
 * the run's length (default 10,000); {@code -Dcontract.fuzz.maxFailures=<n>} collects up to n disagreements
 * (the model then follows the app's answer) and reports them grouped by kind, to survey an app at once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class FuzzContract {

    private static final int REQUESTS = Integer.getInteger("contract.fuzz.requests", 10_000);
    /** How many disagreements to collect before failing; above 1 the run goes on and groups them by kind. */
    private static final int MAX_FAILURES = Integer.getInteger("contract.fuzz.maxFailures", 1);
    private static final int WORKERS = 4;
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private TestDatabase database;
    private RunningApp app;
    private ApiClient api;

    /** Starts the implementation with {@code DATABASE_URL=databaseUrl}, a fresh database. */
    protected abstract RunningApp startApp(String databaseUrl) throws Exception;

    @BeforeAll
    void startTheApp() throws Exception {
        database = PostgresServer.shared().createDatabase();
        app = startApp(database.url());
        api = new ApiClient(app.baseUri());
    }

    @AfterAll
    void stopTheApp() throws Exception {
        try (var db = database; var running = app) {
            // the app first, then its database
        }
    }

    @Test
    void mutatedRequestsGetTheAnswerTheContractDerivesFromWhatWasSentAndStoreExactlyTheModelsRows() throws Exception {
        long seed = Long.getLong("contract.fuzz.seed", ThreadLocalRandom.current().nextLong());
        System.out.println("FuzzContract seed: " + seed + " (replay with -Dcontract.fuzz.seed=" + seed + ")");
        Map<String, LongAdder> coverage = new ConcurrentHashMap<>();
        AtomicBoolean failed = new AtomicBoolean();
        Map<String, List<String>> disagreements = new ConcurrentHashMap<>();
        List<Worker> workers = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            workers.add(new Worker(seed, w, coverage, failed, disagreements));
        }
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        try {
            List<Future<?>> runs = workers.stream().map(worker -> pool.submit(() -> worker.run(REQUESTS / WORKERS))).collect(Collectors.toList());
            for (Future<?> run : runs) {
                try {
                    run.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof AssertionError assertion) {
                        throw assertion;
                    }
                    throw e;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.println("FuzzContract seed " + seed + ", answers by status and problem type: " + new TreeMap<>(coverage));
        if (!disagreements.isEmpty()) {
            var report = new StringBuilder("FuzzContract seed " + seed + ": " + disagreements.values().stream().mapToInt(List::size).sum()
                    + " disagreements with the model, by kind (expected -> answered), first example of each:");
            new TreeMap<>(disagreements).forEach((kind, examples) -> report.append("\n\n=== ").append(examples.size()).append(" x ")
                    .append(kind).append("\n").append(String.join("\n---\n", examples.subList(0, Math.min(2, examples.size())))));
            throw new AssertionError(report.toString());
        }

        checkTheListing(seed, workers);
    }

    /** The app's listing is exactly the model's rows; each worker's contacts come in the order it created them. */
    private void checkTheListing(long seed, List<Worker> workers) {
        List<JsonNode> listed = new ArrayList<>();
        for (String target = "/contacts?limit=100"; target != null; ) {
            ApiResponse page = api.get(target);
            assertEquals(200, page.status(), page::describe);
            page.json().forEach(listed::add);
            target = page.header("Link").map(link -> link.substring(1, link.indexOf('>'))).orElse(null);
        }
        Map<String, Row> expected = new HashMap<>();
        Map<String, String> lastTouched = new HashMap<>();
        workers.forEach(worker -> {
            expected.putAll(worker.rows);
            lastTouched.putAll(worker.lastTouched);
        });
        Map<String, Row> stored = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (JsonNode contact : listed) {
            Row row = row(contact);
            if (stored.put(row.id(), row) != null) {
                problems.add("listed twice: " + row);
            }
        }
        for (var entry : expected.entrySet()) {
            Row actual = stored.get(entry.getKey());
            if (!entry.getValue().equals(actual)) {
                problems.add("expected " + entry.getValue() + " but the listing has " + actual
                        + "\n    last request on it: " + lastTouched.get(entry.getKey()));
            }
        }
        for (var entry : stored.entrySet()) {
            if (!expected.containsKey(entry.getKey())) {
                problems.add("stored but never acknowledged (or deleted): " + entry.getValue()
                        + "\n    last request on it: " + lastTouched.getOrDefault(entry.getKey(), "(none: never acknowledged)"));
            }
        }
        for (Worker worker : workers) {
            List<String> order = stored.keySet().stream().filter(worker.rows::containsKey).toList();
            if (!order.equals(List.copyOf(worker.rows.keySet()))) {
                problems.add("worker " + worker.number + "'s contacts are not listed oldest first: listed " + order
                        + ", created " + worker.rows.keySet());
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("FuzzContract seed " + seed + " (replay with -Dcontract.fuzz.seed=" + seed
                    + "): the stored contacts are not the model's:\n  " + String.join("\n  ", problems.subList(0, Math.min(20, problems.size())))
                    + (problems.size() > 20 ? "\n  ... " + (problems.size() - 20) + " more" : ""));
        }
    }

    /** One worker: its own contacts (so its model of them is exact), its own random stream. */
    private final class Worker {
        final int number;
        final long seed;
        final Random random;
        final RequestMutator mutator;
        final Map<String, LongAdder> coverage;
        final AtomicBoolean failed;
        final Map<String, List<String>> disagreements;
        /** This worker's contacts, in creation order: the model's copy of what the database holds. */
        final Map<String, Row> rows = new LinkedHashMap<>();
        final List<String> ids = new ArrayList<>();
        final Set<String> deleted = new HashSet<>();
        final Map<String, String> lastTouched = new HashMap<>();

        Worker(long seed, int number, Map<String, LongAdder> coverage, AtomicBoolean failed, Map<String, List<String>> disagreements) {
            this.disagreements = disagreements;
            this.seed = seed;
            this.number = number;
            this.random = new Random(seed + number);
            this.mutator = new RequestMutator(random);
            this.coverage = coverage;
            this.failed = failed;
        }

        void run(int requests) {
            try {
                for (int i = 0; i < requests && !failed.get(); i++) {
                    step(i);
                }
            } catch (AssertionError | RuntimeException e) {
                failed.set(true);
                throw e;
            }
        }

        private void step(int i) {
            Request valid = validRequest();
            boolean mutated = random.nextInt(10) < 8;
            Request sent = mutated ? mutator.mutate(valid) : valid;
            List<Outcome> allowed = ContractModel.expect(sent, rows::containsKey);
            if (!mutated && allowed.stream().anyMatch(o -> o.status() >= 300)) {
                throw failure(i, sent, allowed, "the model refuses an unmutated request (a bug in the model or the generator)");
            }
            ApiResponse response;
            try {
                response = api.send(sent.method(), sent.target(), sent.contentType(), sent.body());
            } catch (IllegalArgumentException notAUri) {
                return; // the mutation made a target Java cannot even send
            } catch (AssertionError e) {
                AssertionError failure = failure(i, sent, allowed, "the answer broke the contract: " + e.getMessage());
                String firstLine = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
                collect(failure, allowed.stream().map(o -> label(o) + " (" + category(o.rule()) + ")").distinct()
                        .collect(Collectors.joining(" or ")) + " -> no valid answer: " + firstLine.replaceAll("^\\S+ \\S+ ", ""));
                return;
            }
            List<String> mismatches = new ArrayList<>();
            for (Outcome outcome : allowed) {
                String mismatch = mismatch(outcome, response);
                if (mismatch == null) {
                    apply(outcome, response, i, sent);
                    coverage.computeIfAbsent(label(outcome), k -> new LongAdder()).increment();
                    return;
                }
                mismatches.add(mismatch);
            }
            var why = new StringBuilder("the contract allows:");
            for (int k = 0; k < allowed.size(); k++) {
                why.append("\n  - ").append(describe(allowed.get(k))).append("\n    but: ").append(mismatches.get(k));
            }
            why.append("\nthe app answered: ").append(response.describe());
            AssertionError failure = failure(i, sent, allowed, why.toString());
            collect(failure, allowed.stream().map(o -> label(o) + " (" + category(o.rule()) + ")").distinct().collect(Collectors.joining(" or "))
                    + " -> " + response.status() + (response.status() >= 400 ? " " + response.json().path("type").asText().replace(Problems.BASE, "") : ""));
            adopt(sent, response, i);
        }

        /** Fails at once, or (when collecting disagreements) files {@code failure} under {@code kind} until there are enough. */
        private void collect(AssertionError failure, String kind) {
            if (MAX_FAILURES <= 1) {
                throw failure;
            }
            disagreements.computeIfAbsent(kind, k -> java.util.Collections.synchronizedList(new ArrayList<>())).add(failure.getMessage());
            if (disagreements.values().stream().mapToInt(List::size).sum() >= MAX_FAILURES) {
                throw failure;
            }
        }

        /** After a disagreement (when collecting them), the model follows what the app did, so the run can go on. */
        private void adopt(Request sent, ApiResponse response, int i) {
            String path = sent.target().split("\\?", 2)[0];
            String id = path.startsWith("/contacts/") ? ContractModel.percentDecode(path.substring("/contacts/".length())) : null;
            if (sent.method().equals("POST") && response.status() == 201) {
                apply(new Created(null, "adopted"), response, i, sent);
            } else if (sent.method().equals("PUT") && response.status() == 200 && rows.containsKey(id)) {
                apply(new Replaced(id, null, "adopted"), response, i, sent);
            } else if (sent.method().equals("DELETE") && response.status() == 204 && rows.containsKey(id)) {
                apply(new Deleted(id, "adopted"), response, i, sent);
            }
        }

        private AssertionError failure(int i, Request sent, List<Outcome> allowed, String what) {
            return new AssertionError("FuzzContract seed " + seed + " (replay with -Dcontract.fuzz.seed=" + seed + "), worker "
                    + number + ", request " + i + ":\n" + sent.describe() + "\n" + what
                    + "\n(where the contract is silent the model allows: " + ContractModel.ambiguities() + ")");
        }

        private Request validRequest() {
            String body = Json.contact("Fuzz " + random.nextInt(1_000_000), random.nextBoolean() ? "f" + random.nextInt(999) + "@example.org" : null,
                    random.nextBoolean() ? "+1 555 " + random.nextInt(10_000) : null);
            int choice = ids.isEmpty() ? 0 : random.nextInt(6);
            String id = ids.isEmpty() ? null : ids.get(random.nextInt(ids.size()));
            return switch (choice) {
                case 0, 1 -> new Request("POST", "/contacts", ApiClient.JSON, body.getBytes(UTF_8));
                case 2 -> new Request("PUT", "/contacts/" + id, ApiClient.JSON, body.getBytes(UTF_8));
                case 3 -> new Request("GET", "/contacts/" + id, null, null);
                case 4 -> new Request("GET", "/contacts?limit=" + (1 + random.nextInt(100)), null, null);
                default -> new Request("DELETE", "/contacts/" + id, null, null);
            };
        }

        /** Null if {@code response} is this outcome, else what differs. */
        private String mismatch(Outcome outcome, ApiResponse response) {
            if (response.status() != outcome.status()) {
                return "status " + response.status() + ", not " + outcome.status();
            }
            try {
                return switch (outcome) {
                    case Problem p -> problemMismatch(p, response);
                    case Created c -> {
                        Row row = row(response.json());
                        if (!UUID.matcher(row.id()).matches() || rows.containsKey(row.id()) || deleted.contains(row.id())) {
                            yield "not a new lowercase UUID: " + row.id();
                        }
                        if (!response.header("Location").orElse("").equals("/contacts/" + row.id())) {
                            yield "Location " + response.header("Location").orElse("(none)") + " is not /contacts/" + row.id();
                        }
                        yield fieldsMismatch(c.fields(), row);
                    }
                    case Replaced r -> {
                        Row row = row(response.json());
                        Row before = rows.get(r.id());
                        if (!row.id().equals(r.id()) || !row.createdAt().equals(before.createdAt())) {
                            yield "PUT changed id or createdAt: " + row + ", before " + before;
                        }
                        yield fieldsMismatch(r.fields(), row);
                    }
                    case Fetched f -> {
                        Row row = row(response.json());
                        yield row.equals(rows.get(f.id())) ? null : "GET answered " + row + ", the model has " + rows.get(f.id());
                    }
                    case Deleted d -> null;
                    case Listed l -> listingMismatch(l, response);
                    case Slept s -> response.json().path("ms").asInt(-1) == s.ms() ? null : "ms is not " + s.ms();
                    case Computed c -> response.json().path("n").asLong(-1) == c.n() && response.json().path("prime").asBoolean(!c.prime()) == c.prime()
                            ? null : "not {n: " + c.n() + ", prime: " + c.prime() + "}";
                    case Plain p -> null;
                };
            } catch (AssertionError notJson) {
                return notJson.getMessage();
            }
        }

        private String problemMismatch(Problem p, ApiResponse response) {
            JsonNode problem = response.json();
            if (!problem.path("type").asText().equals(Problems.BASE + p.type())) {
                return "problem type " + problem.path("type").asText() + ", not " + p.type();
            }
            if (p.status() == 422) {
                List<String> named = new ArrayList<>();
                problem.path("errors").forEach(error -> named.add(error.path("field").asText()));
                if (!named.equals(p.fields())) {
                    return "errors name " + named + ", not " + p.fields();
                }
            }
            if (p.status() == 405) {
                Set<String> allow = Arrays.stream(response.header("Allow").orElse("").split(","))
                        .map(String::strip).filter(m -> !m.isEmpty()).collect(Collectors.toCollection(TreeSet::new));
                if (!allow.equals(new TreeSet<>(p.allow()))) {
                    return "Allow " + allow + ", not " + new TreeSet<>(p.allow());
                }
            }
            return null;
        }

        private String listingMismatch(Listed listed, ApiResponse response) {
            JsonNode page = response.json();
            if (!page.isArray() || page.size() > listed.limit()) {
                return "not an array of at most " + listed.limit();
            }
            for (JsonNode contact : page) {
                Row row = row(contact);
                if (deleted.contains(row.id())) {
                    return "lists a deleted contact " + row;
                }
                Row mine = rows.get(row.id());
                if (mine != null && !mine.equals(row)) {
                    return "lists " + row + ", the model has " + mine;
                }
            }
            String link = response.header("Link").orElse(null);
            if (link != null && !link.startsWith("</contacts?limit=" + listed.limit() + "&after=")) {
                return "Link " + link + " does not carry the effective page size " + listed.limit();
            }
            return null;
        }

        private void apply(Outcome outcome, ApiResponse response, int i, Request sent) {
            switch (outcome) {
                case Created c -> {
                    Row row = row(response.json());
                    rows.put(row.id(), row);
                    ids.add(row.id());
                    lastTouched.put(row.id(), "worker " + number + " request " + i + ": " + sent.describe());
                }
                case Replaced r -> {
                    rows.put(r.id(), row(response.json()));
                    lastTouched.put(r.id(), "worker " + number + " request " + i + ": " + sent.describe());
                }
                case Deleted d -> {
                    rows.remove(d.id());
                    ids.remove(d.id());
                    deleted.add(d.id());
                    lastTouched.put(d.id(), "worker " + number + " request " + i + ": " + sent.describe());
                }
                default -> { }
            }
        }
    }

    private static String fieldsMismatch(Fields fields, Row row) {
        return ContractModel.sameFields(fields, row.name(), row.email(), row.phone()) ? null
                : "stored " + row + ", the body means " + fields;
    }

    private static Row row(JsonNode contact) {
        return new Row(contact.path("id").asText(), contact.path("name").textValue(), contact.path("email").textValue(),
                contact.path("phone").textValue(), contact.path("createdAt").asText());
    }

    /** A rule without the request's particulars, to group disagreements by kind. */
    private static String category(String rule) {
        int cut = rule.length();
        for (String particular : List.of(" at byte", " at character", " broken by", " creates", " replaces", " does not", " is not",
                "=", " is none", " of an", " allows", " \\u")) {
            int at = rule.indexOf(particular);
            if (at > 0 && at < cut) {
                cut = at;
            }
        }
        return rule.substring(0, cut);
    }

    private static String label(Outcome outcome) {
        return outcome instanceof Problem p ? p.status() + " " + p.type() : String.valueOf(outcome.status());
    }

    private static String describe(Outcome outcome) {
        String what = switch (outcome) {
            case Problem p -> p.status() + " " + p.type() + (p.fields().isEmpty() ? "" : " errors " + p.fields())
                    + (p.allow().isEmpty() ? "" : " Allow " + new TreeSet<>(p.allow()));
            case Created c -> "201 with " + c.fields();
            case Replaced r -> "200 with " + r.fields() + ", id and createdAt unchanged";
            case Fetched f -> "200 with the stored contact " + f.id();
            case Deleted d -> "204";
            case Listed l -> "200, a page of at most " + l.limit();
            case Slept s -> "200 {ms: " + s.ms() + "}";
            case Computed c -> "200 {n: " + c.n() + ", prime: " + c.prime() + "}";
            case Plain p -> "200";
        };
        return what + " (" + outcome.rule() + ")";
    }
}
