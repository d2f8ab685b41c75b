package dev.slowfast.loadtest.run;

import java.util.Map;
import java.util.OptionalInt;

/**
 * One way of running the API: which module's jar, with which environment. {@code concurrencyCap} is
 * how many requests the variant can hold in flight at once by design (a fixed pool of worker
 * threads), used for the Little's-law bound; empty when nothing in the variant caps it.
 * An external variant has a {@code baseUrl} instead of a module: a server we did not start.
 */
public record Variant(String name, String module, Map<String, String> environment, OptionalInt concurrencyCap,
                      String description, String baseUrl) {

    public Variant {
        environment = Map.copyOf(environment);
    }

    public Variant(String name, String module, Map<String, String> environment, OptionalInt concurrencyCap,
                   String description) {
        this(name, module, environment, concurrencyCap, description, null);
    }

    public static Variant external(String name, OptionalInt concurrencyCap, String baseUrl) {
        return new Variant(name, null, Map.of(), concurrencyCap, "an already running server at " + baseUrl, baseUrl);
    }

    public boolean isExternal() {
        return module == null;
    }
}
