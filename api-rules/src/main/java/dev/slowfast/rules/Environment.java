package dev.slowfast.rules;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads environment variables the one way every app does: unset or blank takes the default, values
 * are stripped, numbers must be integers within bounds. A bad value is a {@link ConfigurationException}
 * naming the variable (never echoing a secret); each app's {@code main} exits with status 2 on it.
 */
public final class Environment {

    private final Map<String, String> variables;

    public Environment(Map<String, String> variables) {
        this.variables = Map.copyOf(variables);
    }

    public static Environment system() {
        return new Environment(System.getenv());
    }

    /** The stripped value, or {@code fallback} when unset or blank. */
    public String string(String name, String fallback) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    public int integer(String name, int fallback, int min, int max) {
        String value = string(name, null);
        if (value == null) {
            return fallback;
        }
        int number;
        try {
            number = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new ConfigurationException(name + " must be an integer from " + min + " to " + max + ", got '" + value + "'");
        }
        if (number < min || number > max) {
            throw new ConfigurationException(name + " must be an integer from " + min + " to " + max + ", got " + number);
        }
        return number;
    }

    public Duration millis(String name, int fallbackMs, int minMs, int maxMs) {
        return Duration.ofMillis(integer(name, fallbackMs, minMs, maxMs));
    }

    /** One of an enum's constants, named in lower case (e.g. {@code THREAD_MODEL=virtual}). */
    public <E extends Enum<E>> E choice(String name, Class<E> type, E fallback) {
        String value = string(name, null);
        if (value == null) {
            return fallback;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value)) {
                return constant;
            }
        }
        throw new ConfigurationException(name + " must be one of " + lowerCaseNames(type) + ", got '" + value + "'");
    }

    /** A value run through a parser that throws {@link ConfigurationException} with its own message. */
    public <T> T parsed(String name, String fallback, Function<String, T> parser) {
        return parser.apply(string(name, fallback));
    }

    private static <E extends Enum<E>> String lowerCaseNames(Class<E> type) {
        var names = new StringBuilder();
        for (E constant : type.getEnumConstants()) {
            names.append(names.isEmpty() ? "" : ", ").append('\'').append(constant.name().toLowerCase(Locale.ROOT)).append('\'');
        }
        return names.toString();
    }
}
