package dev.slowfast.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One scrape of {@code GET /metrics} in the Prometheus text format (version 0.0.4), parsed into
 * its samples. Written from the format's description, not from any app's code, so the contract
 * suite and the harness read the apps' metrics as any Prometheus server would.
 */
public final class PrometheusText {

    /** One line {@code name{label="value",...} value}. */
    public record Sample(String name, Map<String, String> labels, double value) {

        public String label(String key) {
            return labels.get(key);
        }
    }

    private final List<Sample> samples;
    private final Map<String, String> types;

    private PrometheusText(List<Sample> samples, Map<String, String> types) {
        this.samples = List.copyOf(samples);
        this.types = Collections.unmodifiableMap(types);
    }

    /** Parses a whole exposition; a malformed line throws {@link IllegalArgumentException} naming it. */
    public static PrometheusText parse(String text) {
        List<Sample> samples = new ArrayList<>();
        Map<String, String> types = new LinkedHashMap<>();
        int lineNumber = 0;
        for (String line : text.split("\n", -1)) {
            lineNumber++;
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.startsWith("#")) {
                String[] words = trimmed.split("\\s+", 4);
                if (words.length >= 4 && words[1].equals("TYPE")) {
                    types.put(words[2], words[3]);
                }
                continue;
            }
            try {
                samples.add(sample(trimmed));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("line " + lineNumber + " is not a Prometheus sample: " + line, e);
            }
        }
        return new PrometheusText(samples, types);
    }

    public List<Sample> samples() {
        return samples;
    }

    /** The {@code # TYPE} of a metric family ({@code counter}, {@code gauge}, {@code histogram}, ...), if declared. */
    public Optional<String> type(String family) {
        return Optional.ofNullable(types.get(family));
    }

    /** Whether any sample has exactly this name. */
    public boolean has(String name) {
        return samples.stream().anyMatch(s -> s.name().equals(name));
    }

    /** The samples with this name whose labels include all the given ones. */
    public List<Sample> find(String name, Map<String, String> labels) {
        return samples.stream().filter(s -> s.name().equals(name) && s.labels().entrySet().containsAll(labels.entrySet()))
                .toList();
    }

    /** The sum of the samples with this name and labels; 0 when there are none (a counter not yet touched). */
    public double sum(String name, Map<String, String> labels) {
        return find(name, labels).stream().mapToDouble(Sample::value).sum();
    }

    /** The sum over the samples with this name that the filter accepts. */
    public double sum(String name, Predicate<Sample> filter) {
        return samples.stream().filter(s -> s.name().equals(name) && filter.test(s)).mapToDouble(Sample::value).sum();
    }

    private static Sample sample(String line) {
        int brace = line.indexOf('{');
        int space = line.indexOf(' ');
        String name;
        Map<String, String> labels = new LinkedHashMap<>();
        String rest;
        if (brace >= 0 && (space < 0 || brace < space)) {
            name = line.substring(0, brace);
            int end = readLabels(line, brace + 1, labels);
            rest = line.substring(end + 1).strip();
        } else {
            name = line.substring(0, space);
            rest = line.substring(space + 1).strip();
        }
        if (name.isEmpty()) {
            throw new IllegalArgumentException("no metric name");
        }
        String value = rest.split("\\s+")[0];
        return new Sample(name, Collections.unmodifiableMap(labels), number(value));
    }

    /** Reads {@code a="x",b="y"} up to the closing brace; returns the brace's index. */
    private static int readLabels(String line, int at, Map<String, String> labels) {
        int i = at;
        while (true) {
            while (line.charAt(i) == ' ' || line.charAt(i) == ',') {
                i++;
            }
            if (line.charAt(i) == '}') {
                return i;
            }
            int equals = line.indexOf('=', i);
            String key = line.substring(i, equals).strip();
            if (line.charAt(equals + 1) != '"') {
                throw new IllegalArgumentException("label " + key + " has no quoted value");
            }
            var value = new StringBuilder();
            i = equals + 2;
            for (char c = line.charAt(i); c != '"'; c = line.charAt(i)) {
                if (c == '\\') {
                    char escaped = line.charAt(++i);
                    value.append(escaped == 'n' ? '\n' : escaped);
                } else {
                    value.append(c);
                }
                i++;
            }
            labels.put(key, value.toString());
            i++;
        }
    }

    private static double number(String text) {
        return switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(text);
        };
    }
}
