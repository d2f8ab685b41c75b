package dev.slowfast.loadtest.results;

import java.util.Map;

/** How a variant was started, for the provenance. */
public record VariantSettings(String name, String module, String jar, Map<String, String> environment,
                              Integer concurrencyCap, String description) {
}
