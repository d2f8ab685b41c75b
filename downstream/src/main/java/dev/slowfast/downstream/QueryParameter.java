package dev.slowfast.downstream;

import io.vertx.core.http.HttpServerRequest;
import java.util.List;
import java.util.OptionalLong;

/**
 * One integer query parameter: decimal digits only, at most once, within bounds.
 *
 * @param defaultValue the value when it is absent; null when it is required
 */
record QueryParameter(String name, long min, long max, Long defaultValue) {

    static QueryParameter required(String name, long min, long max) {
        return new QueryParameter(name, min, max, null);
    }

    static QueryParameter optional(String name, long min, long max, long defaultValue) {
        return new QueryParameter(name, min, max, defaultValue);
    }

    /** The value, or empty when there is no valid one (the caller answers 400 with {@link #rule()}). */
    OptionalLong read(HttpServerRequest request) {
        List<String> values = request.params().getAll(name);
        if (values.isEmpty()) {
            return defaultValue == null ? OptionalLong.empty() : OptionalLong.of(defaultValue);
        }
        String text = values.getFirst();
        if (values.size() > 1 || !text.matches("\\d{1,10}")) {
            return OptionalLong.empty();
        }
        long value = Long.parseLong(text);
        return value < min || value > max ? OptionalLong.empty() : OptionalLong.of(value);
    }

    String rule() {
        return name + " must be given " + (defaultValue == null ? "exactly once" : "at most once")
                + ", as an integer from " + min + " to " + max + ".";
    }
}
