package dev.slowfast.loadtest.simulations;

import static io.gatling.javaapi.http.HttpDsl.http;

/** {@code /cpu} with the API's default prime: pure computation, so the app's core is the limit. */
public class CpuSimulation extends StairStepSimulation {

    public CpuSimulation() {
        super("cpu");
        stairs(timed("cpu", http(named("cpu")).get("/cpu"), 200));
    }
}
