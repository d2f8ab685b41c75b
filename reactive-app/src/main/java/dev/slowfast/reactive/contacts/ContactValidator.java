package dev.slowfast.reactive.contacts;

import dev.slowfast.reactive.web.Problems;
import dev.slowfast.reactive.web.Problems.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The contract's field rules; every broken rule is reported, in the order name, email, phone. */
public final class ContactValidator {

    private static final int MAX_NAME = 200;
    private static final int MAX_EMAIL = 254;
    private static final Pattern EMAIL = Pattern.compile("[^@]+@[^@]+");
    private static final String NO_NUL = "must not contain NUL characters";
    private static final Pattern PHONE = Pattern.compile("[0-9 +()\\-]{1,40}");

    private ContactValidator() {
    }

    /** The stripped, valid data, or a 422 listing every broken rule. */
    public static ContactData validate(ContactInput input) {
        List<FieldError> errors = new ArrayList<>();
        String name = input.name() == null ? "" : input.name().strip();
        if (hasNul(name)) {
            errors.add(new FieldError("name", NO_NUL));
        } else if (name.isEmpty()) {
            errors.add(new FieldError("name", "must not be blank"));
        } else if (codePoints(name) > MAX_NAME) {
            errors.add(new FieldError("name", "must be at most " + MAX_NAME + " characters"));
        }
        String email = input.email();
        if (email != null) {
            if (hasNul(email)) {
                errors.add(new FieldError("email", NO_NUL));
            } else if (codePoints(email) > MAX_EMAIL) {
                errors.add(new FieldError("email", "must be at most " + MAX_EMAIL + " characters"));
            } else if (!EMAIL.matcher(email).matches()) {
                errors.add(new FieldError("email", "must contain exactly one @ with text on both sides"));
            }
        }
        String phone = input.phone();
        if (phone != null && hasNul(phone)) {
            errors.add(new FieldError("phone", NO_NUL));
        } else if (phone != null && !PHONE.matcher(phone).matches()) {
            errors.add(new FieldError("phone", "must be 1 to 40 digits, spaces or + - ( )"));
        }
        if (!errors.isEmpty()) {
            throw Problems.validationFailed(errors);
        }
        return new ContactData(name, email, phone);
    }

    /** PostgreSQL text cannot hold U+0000, so it is a broken rule, not a database error. */
    private static boolean hasNul(String s) {
        return s.indexOf('\u0000') >= 0;
    }

    private static int codePoints(String s) {
        return s.codePointCount(0, s.length());
    }
}
