package dev.slowfast.blocking.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/** The opaque pagination cursor: the last row's {@code seq} as unpadded base64url of its decimal digits. */
final class Cursor {

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");

    private Cursor() {
    }

    static String encode(long seq) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Long.toString(seq).getBytes(StandardCharsets.US_ASCII));
    }

    static long decode(String cursor) {
        try {
            String digits = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (DIGITS.matcher(digits).matches() && Long.parseLong(digits) > 0) {
                return Long.parseLong(digits);
            }
        } catch (IllegalArgumentException e) {
            // not base64url: a bad cursor like any other
        }
        throw ApiProblem.badRequest("Query parameter 'after' is not a valid cursor.");
    }
}
