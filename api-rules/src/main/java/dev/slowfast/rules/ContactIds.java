package dev.slowfast.rules;

import java.util.UUID;
import java.util.regex.Pattern;

/** The contact id in a path: a UUID in its canonical text form, else a 404 (an id the API never issued). */
public final class ContactIds {

    /** Exactly the 8-4-4-4-12 hex form; {@code UUID.fromString} alone would accept e.g. "1-1-1-1-1". */
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private ContactIds() {
    }

    /** The id, or a 404 {@link ApiProblem}. */
    public static UUID parse(String text) {
        if (text == null || !UUID_TEXT.matcher(text).matches()) {
            throw ApiProblem.contactNotFound();
        }
        return UUID.fromString(text);
    }
}
