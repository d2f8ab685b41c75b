package dev.slowfast.async;

import io.vertx.ext.web.RoutingContext;
import java.util.regex.Pattern;

/** Reads the integer query parameters ({@code ms}, {@code n}, {@code limit}) the contract's way. */
final class QueryParams {

    /** Decimal digits only: no sign, no blanks, no exponent, no hex. */
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    private QueryParams() {
    }

    /** The parameter as a number in {@code min..max}, {@code defaultValue} when absent, else a 400. */
    static long integer(RoutingContext ctx, String name, long min, long max, long defaultValue) {
        String value = text(ctx, name);
        if (value == null) {
            return defaultValue;
        }
        String rule = name + " must be an integer from " + min + " to " + max;
        if (!DIGITS.matcher(value).matches()) {
            throw ProblemException.badRequest(rule + ".");
        }
        try {
            long number = Long.parseLong(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException tooManyDigits) {
            // falls through to the same answer as any other out-of-range number
        }
        throw ProblemException.badRequest(rule + ".");
    }

    /** The parameter's decoded text, or null when absent. */
    static String text(RoutingContext ctx, String name) {
        try {
            return ctx.request().getParam(name);
        } catch (IllegalArgumentException badPercentEncoding) { // Vert.x decodes the query lazily, here
            throw ProblemException.badRequest("The query string is not valid percent-encoding.");
        }
    }
}
