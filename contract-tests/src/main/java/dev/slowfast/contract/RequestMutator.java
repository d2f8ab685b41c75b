package dev.slowfast.contract;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Random;

/**
 * Turns valid requests into nearly valid ones, the way a buggy or hostile client would: bytes
 * flipped, inserted, cut or repeated; values of the wrong type, too long, or holding NUL; odd content
 * types, methods and targets. Deterministic for a given {@link Random}, so a seed replays a run.
 */
final class RequestMutator {

    /** A request as the fuzzer sends it. */
    record Request(String method, String target, String contentType, byte[] body) {
    }

    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH");
    private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json; charset=utf-8",
            "text/plain", "application/xml", "application/json; charset=latin1", "application/merge-patch+json", "*/*");
    private static final List<String> VALUES = List.of("null", "true", "0", "-1", "1e309", "[]", "{}", "\"\"", "\" \"",
            "\"\\u0000\"", "\"😀\"", "\"" + "x".repeat(300) + "\"", "\"a@b\"", "\"+1 (555) 0100\"", "12345678901234567890",
            "\"\\ud800\"", "[\"a\"]", "{\"name\":\"nested\"}");
    private static final List<String> TOKENS = List.of("{", "}", "[", "]", ",", ":", "\"", "\\", "null", "\u0000", "é", "\uFFFF");

    private final Random random;

    RequestMutator(Random random) {
        this.random = random;
    }

    Request mutate(Request valid) {
        return switch (random.nextInt(8)) {
            case 0, 1, 2 -> new Request(valid.method(), valid.target(), valid.contentType(), mutateBytes(valid.body()));
            case 3, 4 -> new Request(valid.method(), valid.target(), valid.contentType(), mutateValue(valid.body()));
            case 5 -> new Request(valid.method(), valid.target(), pick(CONTENT_TYPES), valid.body());
            case 6 -> new Request(pick(METHODS), valid.target(), valid.contentType(), valid.body());
            default -> new Request(valid.method(), mutateTarget(valid.target()), valid.contentType(), valid.body());
        };
    }

    private byte[] mutateBytes(byte[] body) {
        if (body == null || body.length == 0) {
            return pick(TOKENS).getBytes(UTF_8);
        }
        var out = new ByteArrayOutputStream();
        int at = random.nextInt(body.length);
        switch (random.nextInt(5)) {
            case 0 -> { // flip one byte
                byte[] copy = body.clone();
                copy[at] = (byte) random.nextInt(256);
                return copy;
            }
            case 1 -> { // insert a structural token
                out.write(body, 0, at);
                out.writeBytes(pick(TOKENS).getBytes(UTF_8));
                out.write(body, at, body.length - at);
            }
            case 2 -> out.write(body, 0, at); // truncate
            case 3 -> { // repeat a slice
                int end = at + random.nextInt(body.length - at) + 1;
                out.write(body, 0, end);
                out.write(body, at, body.length - at);
            }
            default -> { // drop a slice
                int end = at + random.nextInt(body.length - at) + 1;
                out.write(body, 0, at);
                out.write(body, end, body.length - end);
            }
        }
        return out.toByteArray();
    }

    /** Replaces one member's value, or adds a member, keeping the JSON otherwise well formed. */
    private byte[] mutateValue(byte[] body) {
        String json = body == null ? "{}" : new String(body, UTF_8);
        String field = pick(List.of("name", "email", "phone", "id", "createdAt", "Name", ""));
        String value = pick(VALUES);
        String member = "\"" + field + "\":";
        int start = json.indexOf(member);
        if (start < 0) {
            return json.replaceFirst("\\{", "{" + member + value + (json.length() > 2 ? "," : "")).getBytes(UTF_8);
        }
        int valueStart = start + member.length();
        int valueEnd = json.startsWith("\"", valueStart) ? json.indexOf('"', valueStart + 1) + 1 : json.indexOf(',', valueStart);
        if (valueEnd <= valueStart) {
            valueEnd = json.lastIndexOf('}');
        }
        return (json.substring(0, valueStart) + value + json.substring(valueEnd)).getBytes(UTF_8);
    }

    private String mutateTarget(String target) {
        return switch (random.nextInt(5)) {
            case 0 -> target + pick(List.of("/", "/x", "%2F", "?limit=" + (random.nextInt(300) - 100), "?after=" + randomText(6)));
            case 1 -> target.length() > 1 ? target.substring(0, 1 + random.nextInt(target.length() - 1)) : "/";
            case 2 -> "/contacts/" + randomText(1 + random.nextInt(40));
            case 3 -> "/contacts?limit=" + randomText(3) + "&after=" + randomText(1 + random.nextInt(12));
            default -> pick(List.of("/slow?ms=", "/slow/db?ms=", "/cpu?n=")) + randomText(1 + random.nextInt(22));
        };
    }

    /** Random characters, percent-encoded where a URI needs it. */
    private String randomText(int length) {
        String alphabet = "0123456789abcdefABCDEF-_.~+!$&'()*,;=:@%/?#[] \"<>é😀";
        var text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int codePoint = alphabet.codePointAt(alphabet.offsetByCodePoints(0, random.nextInt(alphabet.codePointCount(0, alphabet.length()))));
            String c = new String(Character.toChars(codePoint));
            text.append(c.matches("[0-9A-Za-z\\-_.~]") ? c : java.net.URLEncoder.encode(c, UTF_8).replace("+", "%20"));
        }
        return text.toString();
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }
}
