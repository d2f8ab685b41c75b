package dev.slowfast.contract;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * Turns valid requests into nearly valid ones, the way a buggy or hostile client would: bytes
 * flipped, inserted, cut or repeated; values of the wrong type, too long, or holding NUL; odd content
 * types, methods and targets; UTF-8 edge cases (overlong forms, encoded surrogates, a byte order mark),
 * JSON escapes (unpaired surrogates, escaped member names), bodies at the 64 KiB limit, and field values
 * at the edges of their rules. Deterministic for a given {@link Random}, so a seed replays a run. It
 * only makes requests; what they must get is {@link ContractModel}'s business.
 */
final class RequestMutator {

    /** A request as the fuzzer sends it. */
    record Request(String method, String target, String contentType, byte[] body) {

        /** Method, target, Content-Type and the body with every byte outside printable ASCII escaped. */
        String describe() {
            return method + " " + target + "\nContent-Type: " + (contentType == null ? "(none)" : contentType)
                    + "\nbody (" + (body == null ? "none" : body.length + " bytes") + "): " + escape(body);
        }

        /**
         * Printable ASCII as it is, every other byte (and {@code <} itself) as {@code <0xNN>}; a run of more
         * than 16 equal bytes as {@code <N x 'c'>}, so a 64 KiB padded body stays readable.
         */
        static String escape(byte[] bytes) {
            if (bytes == null) {
                return "";
            }
            var out = new StringBuilder();
            for (int i = 0; i < bytes.length; ) {
                int run = 1;
                while (i + run < bytes.length && bytes[i + run] == bytes[i]) {
                    run++;
                }
                String one = escapeByte(bytes[i]);
                if (run > 16) {
                    out.append('<').append(run).append(" x '").append(one).append("'>");
                } else {
                    out.append(one.repeat(run));
                }
                i += run;
            }
            return out.toString();
        }

        private static String escapeByte(byte b) {
            int c = b & 0xFF;
            return c >= 0x20 && c < 0x7F && c != '<' ? String.valueOf((char) c) : "<0x" + HexFormat.of().toHexDigits((byte) c).toUpperCase() + ">";
        }
    }

    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH");
    private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json; charset=utf-8",
            "text/plain", "application/xml", "application/json; charset=latin1", "application/merge-patch+json", "*/*",
            "Application/JSON", "application/json;charset=UTF-8", "application/jsonx", "application/x-json", "json");
    private static final List<String> VALUES = List.of("null", "true", "0", "-1", "1e309", "[]", "{}", "\"\"", "\" \"",
            "\"\\u0000\"", "\"😀\"", "\"" + "x".repeat(300) + "\"", "\"a@b\"", "\"+1 (555) 0100\"", "12345678901234567890",
            "\"\\ud800\"", "[\"a\"]", "{\"name\":\"nested\"}", "9".repeat(2000), "[".repeat(5000) + "]".repeat(5000),
            "nul", "\"a\" \"b\"", "\"\\u0061@\\u0062\"");
    private static final List<String> TOKENS = List.of("{", "}", "[", "]", ",", ":", "\"", "\\", "null", "\u0000", "é", "\uFFFF");

    /** Raw byte sequences at the edges of UTF-8 (RFC 3629) and of JSON whitespace. */
    private static final List<byte[]> RAW_BYTES = hex(
            "C0AF", "E080AF", "F08080AF", "C1BF", // overlong forms
            "EDA080", "EDBFBF", // UTF-16 surrogates encoded as UTF-8
            "F4908080", "F5808080", "FF", "FE", // above U+10FFFF, never-valid bytes
            "80", "BF", "C3", "E282", "F09F98", // lone continuation bytes, truncated sequences
            "C3A9", "E282AC", "F09F9880", "EFBFBF", "EFBFBE", // valid: é € 😀 U+FFFF U+FFFE
            "EFBBBF", // a byte order mark in the middle
            "C2A0", "E38080", "E280A8", "E2808B", "C285", // NBSP, ideographic space, line separator, ZWSP, NEL
            "00", "01", "09", "0A", "0B", "0C", "1F", "7F"); // raw control characters
    /** JSON escapes, valid and not, to put inside a string. */
    private static final List<String> ESCAPES = List.of("\\u0000", "\\ud800", "\\udc00", "\\ud83d\\ude00", "\\ud83d",
            "\\ud83d\\u0041", "\\ude00\\ud83d", "\\u00e9", "\\u00E9", "\\u2028", "\\u3000", "\\u00a0", "\\u0085", "\\t", "\\n",
            "\\/", "\\\"", "\\\\", "\\b", "\\f", "\\r", "\\x41", "\\u12", "\\uZZZZ", "\\U0041", "\\u0040", "\\u0020",
            "\\u001f", "\\uFEFF", "\\u", "\\", "\\'", "\\ud800\\ud800");
    /** Member names spelled another way: escaped (still the same member) or changed (unknown). */
    private static final List<String> NAME_KEYS = List.of("\"na\\u006de\"", "\"\\u006e\\u0061\\u006d\\u0065\"", "\"NAME\"",
            "\"name \"", "\"nam\"", "\"name\\u0000\"", "\"e\\u006dail\"", "\"phon\\u0065\"", "\"email\"", "\"phone\"");
    /** Names at the edges of "stripped, then 1..200 code points" and of String.strip()'s notion of whitespace. */
    private static final List<String> NAMES = List.of("", " ", "\t\n\r ", "a", "n".repeat(200), "n".repeat(201),
            "😀".repeat(200), "😀".repeat(201), " " + "n".repeat(200) + " ", "\u3000" + "n".repeat(200) + "\u2028",
            "\u00a0a\u00a0", "\u3000a\u3000", "\u2007a", "\u001fa\u001c", "\u0085a", "\ufeffa", "\u180ea", "\u2003\u2003",
            "\u00a0", "a\u0000", "\u0000", " \u0000 ", "Zoë 山田 😀", "a\u0001b", "\u200b", "\uFFFF", "e\u0301");
    private static final List<String> EMAILS = List.of("a@b", "@b", "a@", "@", "a@b@c", "", " ", " a@b ", "😀@😀",
            "e".repeat(126) + "@" + "d".repeat(127), "e".repeat(127) + "@" + "d".repeat(127),
            "😀".repeat(126) + "@" + "😀".repeat(127), "😀".repeat(127) + "@" + "😀".repeat(127), "a\u0000@b", "a\uFF20b",
            "a@@b", "\u0000", "a @ b", "ada@example.org");
    private static final List<String> PHONES = List.of("", " ", "0", "0123456789".repeat(4), "0123456789".repeat(4) + "1",
            "+1 (555) 010-0000", "+1 555 0100 ext", "１２３", "٣٣٣", "\t5", "5.5", "+", "()", "--", "5\u0000", "5 ",
            " 5", "+-() ", "5\n");
    private static final List<Integer> SIZES = List.of(65_535, 65_536, 65_537, 66_000, 100_000);

    private final Random random;

    RequestMutator(Random random) {
        this.random = random;
    }

    Request mutate(Request valid) {
        return switch (random.nextInt(12)) {
            case 0, 1, 2 -> withBody(valid, mutateBytes(valid.body()));
            case 3, 4 -> withBody(valid, mutateValue(valid.body()));
            case 5 -> new Request(valid.method(), valid.target(), pick(CONTENT_TYPES), valid.body());
            case 6 -> new Request(pick(METHODS), valid.target(), valid.contentType(), valid.body());
            case 7 -> new Request(valid.method(), mutateTarget(valid.target()), valid.contentType(), valid.body());
            case 8 -> withBody(valid, insertRawBytes(valid.body()));
            case 9 -> withBody(valid, random.nextInt(4) == 0 ? respellMember(valid.body()) : insertEscape(valid.body()));
            case 10 -> withBody(valid, pad(valid.body()));
            default -> withBody(valid, edgeValues(valid.body()));
        };
    }

    private static Request withBody(Request valid, byte[] body) {
        return new Request(valid.method(), valid.target(), valid.contentType(), body);
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
            return json.replaceFirst("\\{", "{" + member + java.util.regex.Matcher.quoteReplacement(value)
                    + (json.length() > 2 ? "," : "")).getBytes(UTF_8);
        }
        int valueStart = start + member.length();
        int valueEnd = json.startsWith("\"", valueStart) ? json.indexOf('"', valueStart + 1) + 1 : json.indexOf(',', valueStart);
        if (valueEnd <= valueStart) {
            valueEnd = json.lastIndexOf('}');
        }
        return (json.substring(0, valueStart) + value + json.substring(valueEnd)).getBytes(UTF_8);
    }

    /** Raw bytes at the start, the end or the middle of a string value (or anywhere), or a BOM in front. */
    private byte[] insertRawBytes(byte[] body) {
        byte[] bytes = body == null ? "{}".getBytes(UTF_8) : body;
        byte[] insert = random.nextInt(8) == 0 ? hex("EFBBBF").get(0) : pick(RAW_BYTES);
        int at = random.nextInt(8) == 0 ? 0 : positionInAString(bytes);
        return splice(bytes, at, insert);
    }

    private byte[] insertEscape(byte[] body) {
        byte[] bytes = body == null ? "{\"name\":\"x\"}".getBytes(UTF_8) : body;
        StringBuilder escapes = new StringBuilder(pick(ESCAPES));
        while (random.nextInt(4) == 0) {
            escapes.append(pick(ESCAPES));
        }
        return splice(bytes, positionInAString(bytes), escapes.toString().getBytes(UTF_8));
    }

    /** The name member's key spelled differently: escaped (same member), changed (unknown) or repeated. */
    private byte[] respellMember(byte[] body) {
        String json = body == null ? "{\"name\":\"x\"}" : new String(body, UTF_8);
        return json.replaceFirst("\"name\"", java.util.regex.Matcher.quoteReplacement(pick(NAME_KEYS))).getBytes(UTF_8);
    }

    /** The body padded with insignificant whitespace (or with name characters) to one of the sizes around 64 KiB. */
    private byte[] pad(byte[] body) {
        String json = body == null ? "{\"name\":\"x\"}" : new String(body, UTF_8);
        int size = pick(SIZES);
        int padding = Math.max(0, size - json.getBytes(UTF_8).length);
        return switch (random.nextInt(3)) {
            case 0 -> (json + pick(List.of(" ", "\n", "\t", "\r")).repeat(padding)).getBytes(UTF_8); // after the object
            case 1 -> json.replaceFirst("\\{", "{" + " ".repeat(padding)).getBytes(UTF_8); // inside it
            default -> json.replaceFirst("\"name\":\"", "\"name\":\"" + "n".repeat(padding)).getBytes(UTF_8); // in the name
        };
    }

    /** A well-formed body with one or more fields at the edge of their rules (written by Jackson, so only the values are odd). */
    private byte[] edgeValues(byte[] body) {
        JsonNode valid = body == null ? Json.parse("{\"name\":\"x\"}") : Json.parse(new String(body, UTF_8));
        List<Object> members = new ArrayList<>();
        addMember(members, "name", valid, NAMES);
        addMember(members, "email", valid, EMAILS);
        addMember(members, "phone", valid, PHONES);
        return Json.object(members.toArray()).getBytes(UTF_8);
    }

    private void addMember(List<Object> members, String field, JsonNode valid, List<String> edges) {
        switch (random.nextInt(6)) {
            case 0, 1 -> {
                members.add(field);
                members.add(pick(edges));
            }
            case 2 -> {
                members.add(field);
                members.add(null);
            }
            case 3 -> { } // absent
            default -> {
                if (valid.has(field)) {
                    members.add(field);
                    members.add(valid.get(field).isNull() ? null : valid.get(field).asText());
                }
            }
        }
    }

    /** A byte position just inside a string value (at its start, its end or in its middle), else anywhere. */
    private int positionInAString(byte[] bytes) {
        List<int[]> strings = new ArrayList<>(); // [first content byte, closing quote]
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == ':' && i + 1 < bytes.length && bytes[i + 1] == '"') {
                int end = i + 2;
                while (end < bytes.length && bytes[end] != '"') {
                    end += bytes[end] == '\\' ? 2 : 1;
                }
                if (end < bytes.length) {
                    strings.add(new int[] {i + 2, end});
                }
            }
        }
        if (strings.isEmpty() || random.nextInt(5) == 0) {
            return random.nextInt(bytes.length + 1);
        }
        int[] s = pick(strings);
        return switch (random.nextInt(3)) {
            case 0 -> s[0];
            case 1 -> s[1];
            default -> s[0] + random.nextInt(s[1] - s[0] + 1);
        };
    }

    private static byte[] splice(byte[] bytes, int at, byte[] insert) {
        var out = new ByteArrayOutputStream();
        out.write(bytes, 0, at);
        out.writeBytes(insert);
        out.write(bytes, at, bytes.length - at);
        return out.toByteArray();
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

    private static List<byte[]> hex(String... sequences) {
        List<byte[]> all = new ArrayList<>();
        for (String s : sequences) {
            all.add(HexFormat.of().parseHex(s));
        }
        return all;
    }
}
