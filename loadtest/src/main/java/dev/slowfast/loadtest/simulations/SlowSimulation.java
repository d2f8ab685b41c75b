package dev.slowfast.loadtest.simulations;

import static io.gatling.javaapi.http.HttpDsl.http;

/** {@code /slow?ms=delay}: a request that waits without using CPU; the bound is users ÷ delay. */
public class SlowSimulation extends StairStepSimulation {

    public SlowSimulation() {
        super("slow");
        stairs(timed("slow", http(named("slow")).get("/slow?ms=" + parameters.delayMs()), 200));
    }
}
