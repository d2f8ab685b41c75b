package dev.slowfast.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CursorTest {

    private static String base64url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void encodesTheDecimalDigitsAsUnpaddedBase64url() {
        assertEquals("MTI", Cursor.encode(12)); // "12" per the contract's recipe
        assertEquals(base64url("9223372036854775807"), Cursor.encode(Long.MAX_VALUE));
    }

    @Test
    void decodesEveryPositiveBigintItsOwnEncodingCanProduce() {
        for (long seq : new long[] {1, 9, 10, 123_456_789, 999_999_999_999_999_999L, Long.MAX_VALUE}) {
            assertEquals(seq, Cursor.decode(Cursor.encode(seq)));
        }
    }

    @Test
    void noCursorStartsAtTheBeginning() {
        assertEquals(Cursor.START, Cursor.decode(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "+1", "", " 1", "1.0", "9223372036854775808", "99999999999999999999", "abc"})
    void anythingButAPositiveBigintIsABadRequest(String digits) {
        var problem = assertThrows(ApiProblem.class, () -> Cursor.decode(base64url(digits)));
        assertEquals(ProblemType.BAD_REQUEST, problem.type());
    }

    @ParameterizedTest
    @ValueSource(strings = {"!!", "MTI$", "%", "M"})
    void whatIsNotBase64urlIsABadRequest(String cursor) {
        assertEquals(ProblemType.BAD_REQUEST, assertThrows(ApiProblem.class, () -> Cursor.decode(cursor)).type());
    }
}
