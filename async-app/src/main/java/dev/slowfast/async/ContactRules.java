package dev.slowfast.async;

import dev.slowfast.async.Problem.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The field rules of a contact (docs/contract.md); every broken rule is reported, in field order. */
final class ContactRules {

    static final int NAME_MAX = 200;
    static final int EMAIL_MAX = 254;
    private static final Pattern EMAIL = Pattern.compile("[^@]+@[^@]+");
    private static final Pattern PHONE = Pattern.compile("[0-9 +()-]{1,40}");
    private static final String NO_NUL = "must not contain NUL characters";

    private ContactRules() {
    }

    /** The input as it will be stored (name stripped), or a 422 listing what is wrong. */
    static ContactInput validate(ContactInput input) {
        String name = input.name() == null ? "" : input.name().strip();
        List<FieldError> errors = new ArrayList<>();
        if (hasNul(name)) {
            errors.add(new FieldError("name", NO_NUL));
        } else if (name.isEmpty()) {
            errors.add(new FieldError("name", "must not be blank"));
        } else if (codePoints(name) > NAME_MAX) {
            errors.add(new FieldError("name", "must be at most " + NAME_MAX + " characters"));
        }
        if (input.email() != null) {
            if (hasNul(input.email())) {
                errors.add(new FieldError("email", NO_NUL));
            } else if (codePoints(input.email()) > EMAIL_MAX) {
                errors.add(new FieldError("email", "must be at most " + EMAIL_MAX + " characters"));
            } else if (!EMAIL.matcher(input.email()).matches()) {
                errors.add(new FieldError("email", "must contain exactly one @ with text on both sides"));
            }
        }
        if (input.phone() != null) {
            if (hasNul(input.phone())) {
                errors.add(new FieldError("phone", NO_NUL));
            } else if (!PHONE.matcher(input.phone()).matches()) {
                errors.add(new FieldError("phone", "must be 1 to 40 digits, spaces or + - ( )"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.validationFailed(errors));
        }
        return new ContactInput(name, input.email(), input.phone());
    }

    /** PostgreSQL text cannot hold U+0000 (JSON can, escaped), so it is refused here, not by the database. */
    private static boolean hasNul(String text) {
        return text.indexOf('\0') >= 0;
    }

    private static int codePoints(String text) {
        return text.codePointCount(0, text.length());
    }
}
