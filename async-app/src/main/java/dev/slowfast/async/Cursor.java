package dev.slowfast.async;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The listing cursor: the last row's {@code seq} as decimal digits, in unpadded base64url. Opaque
 * to clients, but the same in every app, so a cursor from one works on another.
 */
final class Cursor {

    /** Where a listing without a cursor starts: before the first row. */
    static final long START = 0;

    private Cursor() {
    }

    static String encode(long seq) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Long.toString(seq).getBytes(StandardCharsets.US_ASCII));
    }

    /** {@link #START} when absent; a 400 unless it decodes to a positive integer. */
    static long decode(String cursor) {
        if (cursor == null) {
            return START;
        }
        try {
            String digits = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                long seq = Long.parseLong(digits); // empty or too long: NumberFormatException
                if (seq > 0) {
                    return seq;
                }
            }
        } catch (IllegalArgumentException notOurs) { // bad base64 or NumberFormatException
            // falls through to the one answer for every cursor we did not issue
        }
        throw ProblemException.badRequest("The after cursor is not one this API issued; take it from a Link header.");
    }
}
