package dev.slowfast.contract;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * The fuzz model's own reading of a contact request body, written from docs/contract.md and RFC 8259 /
 * RFC 3629 only: no JSON library, nothing shared with the apps or the kernel, so a parser bug the apps
 * share (e.g. Jackson accepting an overlong UTF-8 sequence) cannot hide here too.
 *
 * <p>The contract makes every body that is not "a JSON object with only {@code name}, {@code email},
 * {@code phone}, each a string or null" a 400 (contract.md, "Contacts", first bullet; "Problem types",
 * bad-request row; "Hostile input"). So this parser only has to recognise that one shape exactly:
 * anything else, valid JSON of another shape or not JSON at all, is {@link Malformed}, and the
 * model never needs to tell those apart (both are 400 {@code bad-request}). That keeps the grammar
 * small enough to be obviously right:
 *
 * <pre>
 * body   = ws "{" ws [ member *( ws "," ws member ) ] ws "}" ws      (RFC 8259 §2, §4)
 * member = string ws ":" ws ( string / "null" )                       (contract: each is a string, or null)
 * ws     = *( %x20 / %x09 / %x0A / %x0D )                             (RFC 8259 §2: nothing else is whitespace)
 * </pre>
 *
 * <ul>
 *   <li>The body must be valid UTF-8 (RFC 3629 §4, checked byte by byte here: no overlong forms, no
 *       encoded surrogates, nothing above U+10FFFF, no truncated sequence): "a body that is not valid
 *       UTF-8 → 400".</li>
 *   <li>Inside strings, raw characters below U+0020 are not JSON (RFC 8259 §7), so "a raw NUL byte in the
 *       body → 400", and so are raw tabs or newlines in a string; escapes are exactly {@code \" \\ \/ \b
 *       \f \n \r \t \}{@code uXXXX}.</li>
 *   <li>A {@code \}{@code u} escape that leaves an unpaired surrogate is not Unicode text: 400 (contract.md,
 *       "Hostile input", the row on unpaired surrogates). An escaped {@code \}{@code u0000} is text: it
 *       parses, and the field rules make it a 422 ("a JSON string holding U+0000 → 422 for that field").</li>
 *   <li>Member names are compared after unescaping ({@code "na\}{@code u006de"} is {@code name}); any other
 *       name is "any other member → 400"; the same name twice is "the same key twice in an object → 400".</li>
 *   <li>A value that is not a string or {@code null} (number of any size, boolean, array, object at any
 *       depth) is "any other JSON type → 400"; so are huge numbers and deep nesting, without parsing them.</li>
 *   <li>A UTF-8 byte order mark is reported ({@link Contact#byteOrderMark()}) rather than decided: RFC 8259
 *       §8.1 lets a parser ignore it or refuse it and the contract does not choose, so the model accepts
 *       either answer.</li>
 * </ul>
 */
final class StrictContactJson {

    /** What one member of the body said: absent, JSON {@code null}, or a string (already unescaped). */
    record Field(boolean present, String value) {
        static final Field ABSENT = new Field(false, null);
        static final Field NULL = new Field(true, null);

        static Field of(String value) {
            return new Field(true, value);
        }

        /** Absent or null: "email and phone may also be null or absent (meaning none)". */
        boolean isNone() {
            return value == null;
        }

        @Override
        public String toString() {
            return !present ? "absent" : ContractModel.show(value);
        }
    }

    /** The result of reading a body. */
    sealed interface Parsed permits Malformed, Contact {
    }

    /** Not a contact body: a 400. {@code why} says which rule, for failure messages. */
    record Malformed(String why) implements Parsed {
    }

    /** The one shape that passes "JSON syntax and shape"; the field rules come next. */
    record Contact(Field name, Field email, Field phone, boolean byteOrderMark) implements Parsed {
    }

    private static final Set<String> MEMBERS = Set.of("name", "email", "phone");
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final String text;
    private int at;

    private StrictContactJson(String text) {
        this.text = text;
    }

    /** Reads {@code body} (null is no body: malformed, like an empty one). */
    static Parsed parse(byte[] body) {
        if (body == null) {
            body = new byte[0];
        }
        boolean bom = body.length >= 3 && Arrays.equals(body, 0, 3, BOM, 0, 3);
        int invalid = firstInvalidUtf8(body);
        if (invalid >= 0) {
            return new Malformed("not valid UTF-8 at byte " + invalid);
        }
        // Valid UTF-8 decodes exactly, so the JDK's decoder is only a converter here, not a judge.
        String text = new String(body, bom ? 3 : 0, body.length - (bom ? 3 : 0), UTF_8);
        try {
            Contact contact = new StrictContactJson(text).body();
            return bom ? new Contact(contact.name(), contact.email(), contact.phone(), true) : contact;
        } catch (NotAContact e) {
            return new Malformed(e.getMessage() + " at character " + e.at);
        }
    }

    /**
     * The index of the first byte that is not part of a well-formed UTF-8 sequence (RFC 3629 §4,
     * "Syntax of UTF-8 Byte Sequences"), or -1 if all of {@code bytes} is well-formed.
     */
    static int firstInvalidUtf8(byte[] bytes) {
        int i = 0;
        while (i < bytes.length) {
            int b = bytes[i] & 0xFF;
            int length;
            int secondLow = 0x80;
            int secondHigh = 0xBF;
            if (b <= 0x7F) {
                i++;
                continue;
            } else if (b >= 0xC2 && b <= 0xDF) {
                length = 2;
            } else if (b == 0xE0) {
                length = 3;
                secondLow = 0xA0; // no overlong 3-byte forms
            } else if ((b >= 0xE1 && b <= 0xEC) || b == 0xEE || b == 0xEF) {
                length = 3;
            } else if (b == 0xED) {
                length = 3;
                secondHigh = 0x9F; // no UTF-16 surrogates (U+D800..U+DFFF)
            } else if (b == 0xF0) {
                length = 4;
                secondLow = 0x90; // no overlong 4-byte forms
            } else if (b >= 0xF1 && b <= 0xF3) {
                length = 4;
            } else if (b == 0xF4) {
                length = 4;
                secondHigh = 0x8F; // nothing above U+10FFFF
            } else {
                return i; // 80..C1 (continuation or overlong 2-byte lead) and F5..FF never start a character
            }
            if (i + length > bytes.length) {
                return i;
            }
            int second = bytes[i + 1] & 0xFF;
            if (second < secondLow || second > secondHigh) {
                return i;
            }
            for (int k = 2; k < length; k++) {
                int next = bytes[i + k] & 0xFF;
                if (next < 0x80 || next > 0xBF) {
                    return i;
                }
            }
            i += length;
        }
        return -1;
    }

    private static final class NotAContact extends Exception {
        final int at;

        NotAContact(String why, int at) {
            super(why, null, false, false);
            this.at = at;
        }
    }

    private NotAContact fail(String why) {
        return new NotAContact(why, at);
    }

    private Contact body() throws NotAContact {
        skipWhitespace();
        if (at >= text.length()) {
            throw fail("empty body");
        }
        if (text.charAt(at) != '{') {
            throw fail("not a JSON object");
        }
        at++;
        Set<String> seen = new HashSet<>();
        Field name = Field.ABSENT;
        Field email = Field.ABSENT;
        Field phone = Field.ABSENT;
        skipWhitespace();
        if (peek() == '}') {
            at++;
        } else {
            while (true) {
                skipWhitespace();
                if (peek() != '"') {
                    throw fail("expected a member name");
                }
                String key = string();
                if (!MEMBERS.contains(key)) {
                    throw fail("unknown member " + quote(key));
                }
                if (!seen.add(key)) {
                    throw fail("duplicate member " + quote(key));
                }
                skipWhitespace();
                expect(':');
                skipWhitespace();
                Field value = value();
                switch (key) {
                    case "name" -> name = value;
                    case "email" -> email = value;
                    default -> phone = value;
                }
                skipWhitespace();
                int c = peek();
                at++;
                if (c == '}') {
                    break;
                }
                if (c != ',') {
                    at--;
                    throw fail("expected , or }");
                }
            }
        }
        skipWhitespace();
        if (at != text.length()) {
            throw fail("text after the object");
        }
        return new Contact(name, email, phone, false);
    }

    private Field value() throws NotAContact {
        int c = peek();
        if (c == '"') {
            return Field.of(string());
        }
        if (text.startsWith("null", at)) {
            at += 4;
            return Field.NULL;
        }
        throw fail(c == -1 ? "missing value" : "a value that is not a string or null");
    }

    /** A JSON string starting at the opening quote (RFC 8259 §7), unescaped. */
    private String string() throws NotAContact {
        expect('"');
        var out = new StringBuilder();
        while (true) {
            if (at >= text.length()) {
                throw fail("unterminated string");
            }
            char c = text.charAt(at);
            if (c == '"') {
                at++;
                return out.toString();
            }
            if (c < 0x20) {
                throw fail("raw control character U+" + hex4(c) + " in a string");
            }
            if (c != '\\') {
                out.append(c); // surrogate pairs here come from valid UTF-8, so they are always paired
                at++;
                continue;
            }
            at++;
            int e = peek();
            at++;
            switch (e) {
                case '"' -> out.append('"');
                case '\\' -> out.append('\\');
                case '/' -> out.append('/');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    char unit = hexEscape();
                    if (Character.isHighSurrogate(unit)) {
                        if (!text.startsWith("\\u", at)) {
                            throw fail("unpaired surrogate \\u" + hex4(unit));
                        }
                        at += 2;
                        char low = hexEscape();
                        if (!Character.isLowSurrogate(low)) {
                            throw fail("unpaired surrogate \\u" + hex4(unit));
                        }
                        out.append(unit).append(low);
                    } else if (Character.isLowSurrogate(unit)) {
                        throw fail("unpaired surrogate \\u" + hex4(unit));
                    } else {
                        out.append(unit);
                    }
                }
                default -> {
                    at--;
                    throw fail("invalid escape");
                }
            }
        }
    }

    /** The four hex digits after {@code \}{@code u}. */
    private char hexEscape() throws NotAContact {
        if (at + 4 > text.length()) {
            throw fail("short \\u escape");
        }
        int value = 0;
        for (int k = 0; k < 4; k++) {
            int digit = Character.digit(text.charAt(at + k), 16);
            if (digit < 0 || text.charAt(at + k) > 'f') { // only ASCII hex digits, not fullwidth ones
                throw fail("invalid \\u escape");
            }
            value = value * 16 + digit;
        }
        at += 4;
        return (char) value;
    }

    private void skipWhitespace() {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            at++;
        }
    }

    private int peek() {
        return at < text.length() ? text.charAt(at) : -1;
    }

    private void expect(char c) throws NotAContact {
        if (peek() != c) {
            throw fail("expected " + c);
        }
        at++;
    }

    private static String hex4(int c) {
        return String.format("%04X", c);
    }

    private static String quote(String s) {
        return '"' + s + '"';
    }
}
