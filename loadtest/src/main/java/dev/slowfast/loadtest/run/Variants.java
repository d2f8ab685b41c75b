package dev.slowfast.loadtest.run;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The implementations we compare. A new one is one more entry here; the report's targets follow from
 * its {@code concurrencyCap} (capped: plateau at the bound; uncapped: scale).
 */
public final class Variants {

    public static final List<Variant> ALL = List.of(
            new Variant("blocking-platform", "blocking-app",
                    Map.of("THREAD_MODEL", "platform", "WORKER_THREADS", "200"), OptionalInt.of(200),
                    "Javalin on Jetty, a pool of 200 platform threads, Thread.sleep on the request thread"),
            new Variant("blocking-virtual", "blocking-app",
                    Map.of("THREAD_MODEL", "virtual"), OptionalInt.empty(),
                    "Javalin on Jetty, one virtual thread per request, the same blocking code"),
            new Variant("async", "async-app",
                    Map.of(), OptionalInt.empty(),
                    "Vert.x event loops (the app's default EVENT_LOOPS), a timer for the wait"),
            new Variant("reactive", "reactive-app",
                    Map.of(), OptionalInt.empty(),
                    "Spring WebFlux on Reactor Netty, Mono.delay for the wait"));

    private Variants() {
    }

    public static Variant named(String name) {
        return ALL.stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown variant '" + name + "'; known: "
                        + ALL.stream().map(Variant::name).toList()));
    }
}
