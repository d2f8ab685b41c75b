package dev.slowfast.reactive.contacts;

import dev.slowfast.reactive.web.Problems;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/** The paging cursor: the last row's {@code seq} as decimal digits, in unpadded base64url. Opaque to clients. */
final class Cursor {

    private static final Pattern POSITIVE = Pattern.compile("[0-9]{1,18}");

    private Cursor() {
    }

    static String encode(long seq) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Long.toString(seq).getBytes(StandardCharsets.US_ASCII));
    }

    /** The {@code seq} the cursor stands for, or a 400 if it is not one of ours. */
    static long decode(String cursor) {
        try {
            String digits = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (POSITIVE.matcher(digits).matches() && Long.parseLong(digits) > 0) {
                return Long.parseLong(digits);
            }
        } catch (IllegalArgumentException notBase64) {
            // falls through to the 400 below
        }
        throw Problems.badRequest("Query parameter 'after' is not a valid cursor.");
    }
}
