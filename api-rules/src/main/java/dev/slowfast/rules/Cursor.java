package dev.slowfast.rules;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The listing cursor: the last row's {@code seq} as decimal digits in unpadded base64url. Opaque to
 * clients, the same in every app. It decodes to a positive {@code bigint} (1 to 2^63-1, the range
 * of {@code seq}); anything else is a 400.
 */
public final class Cursor {

    /** Where a listing without a cursor starts: before the first row. */
    public static final long START = 0;
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,19}");

    private Cursor() {
    }

    public static String encode(long seq) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Long.toString(seq).getBytes(StandardCharsets.US_ASCII));
    }

    /** {@link #START} when {@code cursor} is null; the seq it names; or a 400 {@link ApiProblem}. */
    public static long decode(String cursor) {
        if (cursor == null) {
            return START;
        }
        try {
            String digits = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (DIGITS.matcher(digits).matches()) {
                long seq = Long.parseLong(digits); // 19 digits above 2^63-1: NumberFormatException
                if (seq > 0) {
                    return seq;
                }
            }
        } catch (IllegalArgumentException notOurs) { // bad base64, or a number beyond bigint
            // falls through to the one answer for every cursor this API did not issue
        }
        throw ApiProblem.badRequest("Query parameter 'after' is not a cursor this API issued; take it from a Link header.");
    }
}
