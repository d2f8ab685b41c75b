package dev.slowfast.loadtest.simulations;

import static io.gatling.javaapi.http.HttpDsl.http;

/** {@code /fast}: no I/O at all, so this measures the framework's and the load generator's overhead. */
public class FastSimulation extends StairStepSimulation {

    public FastSimulation() {
        super("fast");
        stairs(timed("fast", http(named("fast")).get("/fast"), 200));
    }
}
