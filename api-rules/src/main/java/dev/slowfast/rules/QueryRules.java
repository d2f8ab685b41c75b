package dev.slowfast.rules;

import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * The query parameters of docs/contract.md: each a decimal integer ({@code ^[0-9]+$}) within its
 * range, else a 400. Leading zeros are allowed and any number of digits is read exactly.
 */
public final class QueryRules {

    /** {@code GET /slow} and {@code /slow/db}: milliseconds to wait. */
    public static final IntegerParameter MS = new IntegerParameter("ms", 0, 60_000, 1_000);
    /** {@code GET /cpu}: the number to test; the default is a 15-digit prime. */
    public static final IntegerParameter N = new IntegerParameter("n", 2, 1_000_000_000_000_000L, 112_272_535_095_293L);
    /** {@code GET /fanout} and {@code /chain}: downstream calls per request. */
    public static final IntegerParameter CALLS = new IntegerParameter("calls", 1, 50, 5);
    /** {@code GET /contacts}: page size. */
    public static final IntegerParameter LIMIT = new IntegerParameter("limit", 1, 100, 20);

    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    private QueryRules() {
    }

    /** One integer query parameter: its name, inclusive range and the value taken when it is absent. */
    public record IntegerParameter(String name, long min, long max, long fallback) {

        /** The value of this parameter given its decoded text ({@code null} when absent), or a 400 {@link ApiProblem}. */
        public long parse(String value) {
            if (value == null) {
                return fallback;
            }
            if (DIGITS.matcher(value).matches()) {
                BigInteger number = new BigInteger(value);
                if (number.compareTo(BigInteger.valueOf(min)) >= 0 && number.compareTo(BigInteger.valueOf(max)) <= 0) {
                    return number.longValueExact();
                }
            }
            throw ApiProblem.badRequest("Query parameter '" + name + "' must be an integer from " + min + " to " + max + ".");
        }
    }
}
