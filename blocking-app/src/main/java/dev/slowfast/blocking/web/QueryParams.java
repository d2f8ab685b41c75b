package dev.slowfast.blocking.web;

import io.javalin.http.Context;
import java.util.regex.Pattern;

/** Strict integer query parameters: plain decimal digits within a range, else a 400. */
final class QueryParams {

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}"); // 18 digits always fit a long

    private QueryParams() {
    }

    static long integer(Context ctx, String name, long min, long max, long fallback) {
        String value = ctx.queryParam(name);
        if (value == null) {
            return fallback;
        }
        if (DIGITS.matcher(value).matches()) {
            long number = Long.parseLong(value);
            if (number >= min && number <= max) {
                return number;
            }
        }
        throw ApiProblem.badRequest("Query parameter '" + name + "' must be an integer from " + min + " to " + max + ".");
    }
}
