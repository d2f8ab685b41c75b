package dev.slowfast.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContactRulesTest {

    @Test
    void aValidContactIsStoredWithItsNameStripped() {
        assertEquals(new ContactInput("Ada", "ada@example.com", "+44 (0) 20-7946"),
                ContactRules.validated(new ContactInput("  Ada\t", "ada@example.com", "+44 (0) 20-7946")));
    }

    @Test
    void everyBrokenRuleIsListedOncePerFieldInContractOrder() {
        var errors = ContactRules.check(new ContactInput(" ", "no-at-sign", "phone?"));
        assertEquals(List.of(
                new FieldError("name", "must not be blank"),
                new FieldError("email", "must contain exactly one @ with text on both sides"),
                new FieldError("phone", "must be 1 to 40 digits, spaces or + - ( )")), errors);
    }

    @Test
    void lengthsCountCodePointsNotUtf16Units() {
        String twoHundredEmoji = "\uD83D\uDE00".repeat(200);
        assertEquals(List.of(), ContactRules.check(new ContactInput(twoHundredEmoji, null, null)));
        assertEquals(List.of(new FieldError("name", "must be at most 200 characters")),
                ContactRules.check(new ContactInput(twoHundredEmoji + "x", null, null)));
        String email = "a@" + "b".repeat(252);
        assertEquals(List.of(), ContactRules.check(new ContactInput("n", email, null)));
        assertEquals(List.of(new FieldError("email", "must be at most 254 characters")),
                ContactRules.check(new ContactInput("n", email + "b", null)));
    }

    @Test
    void nulIsAFieldErrorInEveryField() {
        var errors = ContactRules.check(new ContactInput("a\0", "a\0@b", "1\0"));
        assertEquals(List.of("name", "email", "phone"), errors.stream().map(FieldError::field).toList());
        errors.forEach(e -> assertEquals("must not contain NUL characters", e.message()));
    }

    @Test
    void emailNeedsExactlyOneAtWithTextOnBothSides() {
        for (String bad : List.of("@b", "a@", "a@@b", "a@b@c", "")) {
            assertEquals(1, ContactRules.check(new ContactInput("n", bad, null)).size(), bad);
        }
    }

    @Test
    void phoneIsOneToFortyAllowedCharacters() {
        assertEquals(List.of(), ContactRules.check(new ContactInput("n", null, "1".repeat(40))));
        assertEquals(1, ContactRules.check(new ContactInput("n", null, "1".repeat(41))).size());
        assertEquals(1, ContactRules.check(new ContactInput("n", null, "")).size());
    }

    @Test
    void aMissingNameIsBlank() {
        var problem = assertThrows(ApiProblem.class, () -> ContactRules.validated(new ContactInput(null, null, null)));
        assertEquals(ProblemType.VALIDATION_FAILED, problem.type());
        assertEquals(List.of(new FieldError("name", "must not be blank")), problem.problem().errors());
    }
}
