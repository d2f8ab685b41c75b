package dev.slowfast.reactive.web;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.web.reactive.function.server.ServerRequest;

/** Integer query parameters as the contract wants them: plain decimal digits, in range, else 400. */
public final class QueryParameters {

    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    private QueryParameters() {
    }

    /** The first value of a parameter; a parameter given without a value ({@code ?after}) is "". */
    public static Optional<String> text(ServerRequest request, String name) {
        List<String> values = request.queryParams().get(name);
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Objects.requireNonNullElse(values.getFirst(), ""));
    }

    public static long integer(ServerRequest request, String name, long fallback, long min, long max) {
        Optional<String> text = text(request, name);
        if (text.isEmpty()) {
            return fallback;
        }
        String value = text.get();
        if (DIGITS.matcher(value).matches()) {
            try {
                long parsed = Long.parseLong(value);
                if (parsed >= min && parsed <= max) {
                    return parsed;
                }
            } catch (NumberFormatException tooLong) {
                // falls through to the 400 below
            }
        }
        throw Problems.badRequest("Query parameter '" + name + "' must be an integer from " + min + " to " + max + ".");
    }
}
