package dev.slowfast.contract;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.slowfast.contract.RequestMutator.Request;
import dev.slowfast.contract.StrictContactJson.Contact;
import dev.slowfast.contract.StrictContactJson.Field;
import dev.slowfast.contract.StrictContactJson.Malformed;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The fuzzer's oracle: from what was <em>sent</em> (method, target, Content-Type, body bytes) and the
 * contacts that exist, it says what docs/contract.md requires the answer to be. It shares no code with
 * the apps or with the kernel module (api-rules): its JSON reading is {@link StrictContactJson}, its
 * rules are written out below, each with the contract sentence it implements, so an app that accepts
 * and misreads a malformed body disagrees with it instead of teaching it.
 *
 * <p>Where the contract does not decide (listed in {@link #ambiguities()}), the model returns every
 * answer it allows; otherwise exactly one.
 *
 * <h2>Rules, in the contract's order of checks</h2>
 * ("Order of checks": path (404) → method (405) → Content-Type (415) → body size (413) → JSON syntax and
 * shape (400) → field rules (422) → contact id (404).)
 * <ol>
 *   <li><b>Path, 404 not-found.</b> "Paths match exactly": {@code /fast /slow /slow/db /cpu /health /ready
 *       /contacts} and {@code /contacts/{id}} with {@code {id}} one non-empty segment; anything else,
 *       {@code /contacts/} included, is 404. A percent-encoded {@code /} ({@code %2F}) is data inside a
 *       segment, not a separator (RFC 3986 §2.2).</li>
 *   <li><b>Method, 405 method-not-allowed</b> with {@code Allow} listing exactly the path's methods
 *       ("known path, wrong method"): GET for the latency and operations paths, GET POST for
 *       {@code /contacts}, GET PUT DELETE for {@code /contacts/{id}} (docs/openapi.yaml).</li>
 *   <li><b>Content-Type, 415 unsupported-media-type</b> for POST and PUT only: "POST/PUT whose Content-Type is
 *       missing or not application/json"; "Any application/json content type (with or without parameters) is
 *       accepted" (openapi.yaml, ContactInput), compared case-insensitively without parameters. GET and DELETE
 *       take no body; whatever body or Content-Type they carry changes nothing.</li>
 *   <li><b>Size, 413 content-too-large</b>: "request body over 64 KiB (65,536 bytes)"; exactly 65,536 is
 *       allowed.</li>
 *   <li><b>Syntax and shape, 400 bad-request</b>: {@link StrictContactJson} (malformed JSON, not an object,
 *       wrong JSON type, unknown or duplicate member, invalid UTF-8, raw control characters, unpaired
 *       surrogate escapes). The Content-Type's charset parameter does not change this: bodies are UTF-8.</li>
 *   <li><b>Field rules, 422 validation-failed</b>, {@code errors} naming every broken field once, in the
 *       order name, email, phone ("A 422 lists every broken rule, one entry per field"):
 *       <ul>
 *         <li>name: {@code String.strip()}, then 1..200 code points; missing, null or blank breaks it.</li>
 *         <li>email: none, or at most 254 code points with exactly one {@code @} and at least one character
 *             on each side (not stripped).</li>
 *         <li>phone: none, or 1..40 characters each {@code 0-9}, space or {@code + - ( )} (openapi.yaml's
 *             pattern {@code ^[0-9 +()-]{1,40}$}: ASCII digits only).</li>
 *         <li>any field holding U+0000 breaks its rule ("Hostile input": "422 for that field").</li>
 *       </ul></li>
 *   <li><b>Contact id, 404 not-found</b>: the id must be one that exists now (an id that is not a UUID is
 *       "simply not found"). PUT reaches this check only with a body that passed 415..422.</li>
 *   <li><b>Success</b>: POST 201 with the stored contact: the stripped name, email and phone exactly as sent,
 *       null when absent ("The stored name is the stripped one"); PUT 200 with the same, {@code id} and
 *       {@code createdAt} unchanged ("PUT never changes id or createdAt"); GET 200 with the stored row;
 *       DELETE 204.</li>
 * </ol>
 *
 * <h2>Query parameters</h2>
 * "ms, n and limit are decimal integers (^[0-9]+$) within their ranges; anything else, including an empty
 * value, is a 400. Unknown query parameters are ignored." Ranges from openapi.yaml: ms 0..60000, n 2..10^15,
 * limit 1..100 (default 20). A name without {@code =} has the empty value. Values are percent-decoded as
 * UTF-8. The cursor {@code after} "must decode to a positive integer within PostgreSQL bigint
 * (1..9223372036854775807, up to 19 digits); anything else is a 400": decoded here as base64url, then
 * {@code ^[0-9]{1,19}$} and within that range. Query strings never matter on {@code /contacts/{id}}.
 */
final class ContractModel {

    static final int MAX_BODY_BYTES = 65_536;
    static final int DEFAULT_LIMIT = 20;

    /** Where the contract is silent, and what the model accepts there. Printed with every failure. */
    static List<String> ambiguities() {
        return List.of(
                "a UTF-8 byte order mark before the body: ignored or 400 (RFC 8259 §8.1 allows both; the contract does not choose)",
                "a path with a dot segment (., .., %2E) or a percent-encoded unreserved character: matched as sent or after"
                        + " RFC 3986 §6.2.2 normalization (the contract says only \"paths match exactly\")",
                "the same query parameter twice: the first one counts (all three apps agree; the contract does not say)",
                "a cursor with base64 padding or non-zero trailing bits: decoded as java.util.Base64's URL decoder does");
    }

    /** A stored contact as the model knows it. {@code createdAt} is the app's (the model cannot know it). */
    record Row(String id, String name, String email, String phone, String createdAt) {
        @Override
        public String toString() {
            return "{id " + id + ", name " + show(name) + ", email " + show(email) + ", phone " + show(phone) + ", createdAt " + createdAt + "}";
        }
    }

    /** The stored fields a valid body means. */
    record Fields(String name, String email, String phone) {
        @Override
        public String toString() {
            return "{name " + show(name) + ", email " + show(email) + ", phone " + show(phone) + "}";
        }
    }

    /** A string for a failure message: quoted, everything outside printable ASCII as a Java escape. */
    static String show(String s) {
        if (s == null) {
            return "null";
        }
        var out = new StringBuilder("\"");
        s.chars().forEach(c -> out.append(c >= 0x20 && c < 0x7F && c != '\\' ? String.valueOf((char) c) : String.format("\\u%04x", c)));
        return out.append('"').toString();
    }

    /** One answer the contract allows, and why. */
    sealed interface Outcome {
        /** The rule that decided it, for failure messages. */
        String rule();

        /** The status class, for counting. */
        int status();
    }

    record Problem(int status, String type, List<String> fields, Set<String> allow, String rule) implements Outcome {
    }

    record Created(Fields fields, String rule) implements Outcome {
        public int status() {
            return 201;
        }
    }

    record Replaced(String id, Fields fields, String rule) implements Outcome {
        public int status() {
            return 200;
        }
    }

    record Fetched(String id, String rule) implements Outcome {
        public int status() {
            return 200;
        }
    }

    record Deleted(String id, String rule) implements Outcome {
        public int status() {
            return 204;
        }
    }

    record Listed(int limit, String rule) implements Outcome {
        public int status() {
            return 200;
        }
    }

    record Slept(int ms, String rule) implements Outcome {
        public int status() {
            return 200;
        }
    }

    record Computed(long n, boolean prime, String rule) implements Outcome {
        public int status() {
            return 200;
        }
    }

    record Plain(String rule) implements Outcome {
        public int status() {
            return 200;
        }
    }

    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final Pattern CURSOR_DIGITS = Pattern.compile("[0-9]{1,19}");
    private static final Pattern PHONE = Pattern.compile("[0-9 +()\\-]{1,40}");
    private static final Set<String> GET_ONLY = Set.of("GET");
    private static final Set<String> COLLECTION = Set.of("GET", "POST");
    private static final Set<String> ITEM = Set.of("GET", "PUT", "DELETE");
    private static final List<String> LATENCY_AND_OPERATIONS = List.of("/fast", "/slow", "/slow/db", "/cpu", "/health", "/ready");
    private static final BigInteger MAX_N = BigInteger.TEN.pow(15);
    private static final long DEFAULT_N = 112_272_535_095_293L;

    private ContractModel() {
    }

    /**
     * Every answer the contract allows for {@code request}, given which contact ids exist (only the
     * current worker's contacts can be named by its requests). Usually one.
     */
    static List<Outcome> expect(Request request, Predicate<String> exists) {
        String target = request.target();
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        String query = q < 0 ? null : target.substring(q + 1);
        List<Outcome> outcomes = new ArrayList<>();
        outcomes.addAll(expectForPath(path, query, request, exists));
        String normalized = normalize(path);
        if (!normalized.equals(path)) {
            for (Outcome alternative : expectForPath(normalized, query, request, exists)) {
                if (!outcomes.contains(alternative)) {
                    outcomes.add(alternative);
                }
            }
        }
        return outcomes;
    }

    private static List<Outcome> expectForPath(String path, String query, Request request, Predicate<String> exists) {
        String method = request.method();
        // 1. path
        Set<String> allowed;
        String id = null;
        if (LATENCY_AND_OPERATIONS.contains(path)) {
            allowed = GET_ONLY;
        } else if (path.equals("/contacts")) {
            allowed = COLLECTION;
        } else if (path.startsWith("/contacts/") && path.length() > "/contacts/".length()
                && path.indexOf('/', "/contacts/".length()) < 0) {
            allowed = ITEM;
            id = percentDecode(path.substring("/contacts/".length()));
        } else {
            return List.of(problem(404, Problems.NOT_FOUND, "path: \"Paths match exactly\"; " + path + " is none of the API's"));
        }
        // 2. method
        if (!allowed.contains(method)) {
            return List.of(new Problem(405, Problems.METHOD_NOT_ALLOWED, List.of(), allowed,
                    "method: \"known path, wrong method\"; " + path + " allows " + allowed));
        }
        Map<String, String> params = query(query);
        return switch (path) {
            case "/fast", "/health", "/ready" -> List.of(new Plain("GET " + path));
            case "/slow", "/slow/db" -> List.of(integer(params, "ms", 0, 60_000, 1000)
                    .map(ms -> (Outcome) new Slept(ms.intValue(), "ms=" + ms + " is within 0..60000"))
                    .orElseGet(() -> badQuery("ms", params.get("ms"), "0..60000")));
            case "/cpu" -> List.of(integer(params, "n", 2, MAX_N, DEFAULT_N)
                    .map(n -> (Outcome) new Computed(n.longValue(), n.isProbablePrime(64), "n=" + n + " is within 2..10^15"))
                    .orElseGet(() -> badQuery("n", params.get("n"), "2..10^15")));
            case "/contacts" -> method.equals("GET") ? List.of(list(params)) : bodyChecks(request, null, exists);
            default -> switch (method) {
                case "GET" -> List.of(exists.test(id) ? new Fetched(id, "GET of an existing contact")
                        : unknownId(id));
                case "DELETE" -> List.of(exists.test(id) ? new Deleted(id, "DELETE of an existing contact")
                        : unknownId(id));
                default -> bodyChecks(request, id, exists);
            };
        };
    }

    /** POST /contacts (id null) and PUT /contacts/{id}: checks 3 to 8. */
    private static List<Outcome> bodyChecks(Request request, String id, Predicate<String> exists) {
        // 3. Content-Type
        String contentType = request.contentType();
        if (contentType == null) {
            return List.of(problem(415, Problems.UNSUPPORTED_MEDIA_TYPE, "Content-Type: missing on " + request.method()));
        }
        String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json")) {
            return List.of(problem(415, Problems.UNSUPPORTED_MEDIA_TYPE, "Content-Type: " + contentType + " is not application/json"));
        }
        // 4. size
        int size = request.body() == null ? 0 : request.body().length;
        if (size > MAX_BODY_BYTES) {
            return List.of(problem(413, Problems.CONTENT_TOO_LARGE, "size: " + size + " bytes is over 65,536"));
        }
        // 5. syntax and shape
        var parsed = StrictContactJson.parse(request.body());
        if (parsed instanceof Malformed malformed) {
            return List.of(problem(400, Problems.BAD_REQUEST, "JSON syntax and shape: " + malformed.why()));
        }
        Contact contact = (Contact) parsed;
        List<Outcome> outcomes = new ArrayList<>();
        if (contact.byteOrderMark()) {
            outcomes.add(problem(400, Problems.BAD_REQUEST, "a byte order mark, refused (allowed: RFC 8259 §8.1)"));
        }
        // 6. field rules
        List<String> broken = brokenFields(contact);
        if (!broken.isEmpty()) {
            outcomes.add(new Problem(422, Problems.VALIDATION_FAILED, broken, Set.of(),
                    "field rules: " + broken + " broken by name=" + contact.name() + " email=" + contact.email()
                            + " phone=" + contact.phone()));
            return outcomes;
        }
        Fields fields = new Fields(contact.name().value().strip(), contact.email().value(), contact.phone().value());
        // 7. contact id, 8. success
        if (id == null) {
            outcomes.add(new Created(fields, "a valid body creates " + fields));
        } else if (exists.test(id)) {
            outcomes.add(new Replaced(id, fields, "a valid body replaces " + id + " with " + fields));
        } else {
            outcomes.add(unknownId(id));
        }
        return outcomes;
    }

    /** The fields whose rule the body breaks, in the contract's order (name, email, phone). */
    static List<String> brokenFields(Contact contact) {
        List<String> broken = new ArrayList<>();
        if (!nameIsValid(contact.name())) {
            broken.add("name");
        }
        if (!emailIsValid(contact.email())) {
            broken.add("email");
        }
        if (!phoneIsValid(contact.phone())) {
            broken.add("phone");
        }
        return broken;
    }

    /** "name is stripped (String.strip()) and must then be 1..200 code points. Missing, null or blank names break the rule." */
    static boolean nameIsValid(Field name) {
        if (name.isNone()) {
            return false;
        }
        String stripped = name.value().strip();
        int codePoints = stripped.codePointCount(0, stripped.length());
        return codePoints >= 1 && codePoints <= 200 && stripped.indexOf('\0') < 0;
    }

    /** "email: at most 254 code points, exactly one @ with at least one character on each side." None is fine. */
    static boolean emailIsValid(Field email) {
        if (email.isNone()) {
            return true;
        }
        String e = email.value();
        int at = e.indexOf('@');
        return e.codePointCount(0, e.length()) <= 254 && at > 0 && at == e.lastIndexOf('@') && at < e.length() - 1
                && e.indexOf('\0') < 0;
    }

    /** "phone: 1..40 characters, each a digit, a space or one of + - ( )." None is fine. */
    static boolean phoneIsValid(Field phone) {
        return phone.isNone() || PHONE.matcher(phone.value()).matches();
    }

    private static Outcome list(Map<String, String> params) {
        var limit = integer(params, "limit", 1, BigInteger.valueOf(100), DEFAULT_LIMIT);
        if (limit.isEmpty()) {
            return badQuery("limit", params.get("limit"), "1..100");
        }
        String after = params.get("after");
        if (after != null && !cursorIsValid(after)) {
            return problem(400, Problems.BAD_REQUEST, "query: after=" + after + " does not decode to 1..9223372036854775807");
        }
        return new Listed(limit.get().intValue(), "a listing of at most " + limit.get() + (after == null ? "" : " after " + after));
    }

    /** "A cursor must decode to a positive integer within PostgreSQL bigint (1..9223372036854775807, up to 19 digits)". */
    static boolean cursorIsValid(String cursor) {
        byte[] decoded;
        try {
            decoded = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException notBase64Url) {
            return false;
        }
        String digits = new String(decoded, UTF_8);
        if (!CURSOR_DIGITS.matcher(digits).matches()) {
            return false;
        }
        BigInteger value = new BigInteger(digits);
        return value.signum() > 0 && value.bitLength() < 64;
    }

    private static Optional<BigInteger> integer(Map<String, String> params, String name, long min, BigInteger max, long absent) {
        String value = params.get(name);
        if (value == null) {
            return Optional.of(BigInteger.valueOf(absent));
        }
        if (!DIGITS.matcher(value).matches()) {
            return Optional.empty();
        }
        BigInteger n = new BigInteger(value);
        return n.compareTo(BigInteger.valueOf(min)) >= 0 && n.compareTo(max) <= 0 ? Optional.of(n) : Optional.empty();
    }

    private static Optional<BigInteger> integer(Map<String, String> params, String name, long min, long max, long absent) {
        return integer(params, name, min, BigInteger.valueOf(max), absent);
    }

    private static Outcome badQuery(String name, String value, String range) {
        return problem(400, Problems.BAD_REQUEST, "query: " + name + "=" + value + " is not a decimal integer within " + range);
    }

    private static Outcome unknownId(String id) {
        return problem(404, Problems.NOT_FOUND, "contact id: " + id + " does not exist");
    }

    private static Problem problem(int status, String type, String rule) {
        return new Problem(status, type, List.of(), Set.of(), rule);
    }

    /** The query's parameters, percent-decoded; the first of a repeated name counts; a name without = is empty. */
    static Map<String, String> query(String query) {
        Map<String, String> params = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return params;
        }
        for (String pair : query.split("&", -1)) {
            int eq = pair.indexOf('=');
            String name = percentDecode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : percentDecode(pair.substring(eq + 1));
            params.putIfAbsent(name, value);
        }
        return params;
    }

    /** RFC 3986 percent-decoding as UTF-8; a malformed escape is kept as it is. */
    static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        var bytes = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && hexByte(s, i + 1) >= 0) {
                bytes.write(hexByte(s, i + 1));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(UTF_8));
            }
        }
        return bytes.toString(UTF_8);
    }

    /**
     * RFC 3986 §6.2.2 normalization of a path: percent-encoded unreserved characters decoded (§6.2.2.2),
     * then dot segments removed (§5.2.4). Equal to {@code path} when there is nothing to normalize.
     */
    static String normalize(String path) {
        var decoded = new StringBuilder();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '%' && i + 2 < path.length()) {
                int value = hexByte(path, i + 1);
                if (value >= 0 && isUnreserved((char) value)) {
                    decoded.append((char) value);
                    i += 2;
                    continue;
                }
            }
            decoded.append(c);
        }
        String input = decoded.toString();
        List<String> output = new ArrayList<>();
        String[] segments = input.split("/", -1);
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i];
            boolean last = i == segments.length - 1;
            if (segment.equals(".")) {
                if (last) {
                    output.add("");
                }
            } else if (segment.equals("..")) {
                if (!output.isEmpty()) {
                    output.remove(output.size() - 1);
                }
                if (last) {
                    output.add("");
                }
            } else {
                output.add(segment);
            }
        }
        return "/" + String.join("/", output);
    }

    /** The byte written as two ASCII hex digits at {@code at}, or -1. */
    private static int hexByte(String s, int at) {
        int high = asciiHexDigit(s.charAt(at));
        int low = asciiHexDigit(s.charAt(at + 1));
        return high < 0 || low < 0 ? -1 : high * 16 + low;
    }

    private static int asciiHexDigit(char c) {
        return c < 128 ? Character.digit(c, 16) : -1;
    }

    private static boolean isUnreserved(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
    }

    static boolean sameFields(Fields fields, String name, String email, String phone) {
        return fields.name().equals(name) && Objects.equals(fields.email(), email) && Objects.equals(fields.phone(), phone);
    }
}
