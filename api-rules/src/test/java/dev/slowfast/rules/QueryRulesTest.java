package dev.slowfast.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QueryRulesTest {

    @Test
    void absentTakesTheDefault() {
        assertEquals(1_000, QueryRules.MS.parse(null));
        assertEquals(20, QueryRules.LIMIT.parse(null));
        assertEquals(112_272_535_095_293L, QueryRules.N.parse(null));
    }

    @Test
    void boundsAreInclusiveAndLeadingZerosAreDigitsLikeAnyOther() {
        assertEquals(0, QueryRules.MS.parse("0"));
        assertEquals(60_000, QueryRules.MS.parse("60000"));
        assertEquals(7, QueryRules.LIMIT.parse("0000000000000000000000007"));
        assertEquals(1_000_000_000_000_000L, QueryRules.N.parse("1000000000000000"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-1", "+1", " 1", "1 ", "1e3", "0x10", "60001", "99999999999999999999999", "１"})
    void anythingElseIsABadRequestNamingTheParameterAndRange(String value) {
        var problem = assertThrows(ApiProblem.class, () -> QueryRules.MS.parse(value));
        assertEquals(ProblemType.BAD_REQUEST, problem.type());
        assertEquals("Query parameter 'ms' must be an integer from 0 to 60000.", problem.getMessage());
    }
}
