package dev.slowfast.loadtest.simulations;

import static io.gatling.javaapi.http.HttpDsl.http;

/** {@code /fanout?calls=10&ms=delay}: ten downstream calls at once, answered when all are back (≈ delay). */
public class FanoutSimulation extends StairStepSimulation {

    public static final DownstreamCalls CALLS = DownstreamCalls.concurrent(10);

    public FanoutSimulation() {
        super("fanout");
        stairs(timed("fanout", http(named("fanout")).get("/fanout?calls=" + CALLS.count() + "&ms="
                + CALLS.callMs(parameters.delayMs())), 200));
    }
}
