package dev.slowfast.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The contact field rules of docs/contract.md and their messages; breaking any of them is a 422. */
public final class ContactRules {

    public static final int NAME_MAX = 200;
    public static final int EMAIL_MAX = 254;
    private static final Pattern EMAIL = Pattern.compile("[^@]+@[^@]+");
    private static final Pattern PHONE = Pattern.compile("[0-9 +()-]{1,40}");
    /** PostgreSQL text cannot hold U+0000, so it is a field error rather than a failed insert. */
    static final String NUL = "must not contain NUL characters";

    private ContactRules() {
    }

    /** Every broken rule, at most one per field, in the order name, email, phone; empty when valid. */
    public static List<FieldError> check(ContactInput input) {
        var errors = new ArrayList<FieldError>(0);
        String name = input.name() == null ? "" : input.name().strip();
        if (containsNul(name)) {
            errors.add(new FieldError("name", NUL));
        } else if (name.isEmpty()) {
            errors.add(new FieldError("name", "must not be blank"));
        } else if (codePoints(name) > NAME_MAX) {
            errors.add(new FieldError("name", "must be at most 200 characters"));
        }
        String email = input.email();
        if (email != null) {
            if (containsNul(email)) {
                errors.add(new FieldError("email", NUL));
            } else if (codePoints(email) > EMAIL_MAX) {
                errors.add(new FieldError("email", "must be at most 254 characters"));
            } else if (!EMAIL.matcher(email).matches()) {
                errors.add(new FieldError("email", "must contain exactly one @ with text on both sides"));
            }
        }
        String phone = input.phone();
        if (phone != null) {
            if (containsNul(phone)) {
                errors.add(new FieldError("phone", NUL));
            } else if (!PHONE.matcher(phone).matches()) {
                errors.add(new FieldError("phone", "must be 1 to 40 digits, spaces or + - ( )"));
            }
        }
        return errors;
    }

    /** The input as it is stored (the name stripped), or a 422 {@link ApiProblem} listing every broken rule. */
    public static ContactInput validated(ContactInput input) {
        List<FieldError> errors = check(input);
        if (!errors.isEmpty()) {
            throw ApiProblem.validationFailed(errors);
        }
        return new ContactInput(input.name().strip(), input.email(), input.phone());
    }

    private static boolean containsNul(String s) {
        return s.indexOf('\0') >= 0;
    }

    private static int codePoints(String s) {
        return s.codePointCount(0, s.length());
    }
}
