package dev.slowfast.loadtest.simulations;

import static io.gatling.javaapi.http.HttpDsl.http;

/**
 * {@code /chain?calls=10&ms=delay/10}: the same ten downstream calls as {@code fanout}, one after
 * another, so a request also takes about the delay: beside fanout, sequential against concurrent.
 */
public class ChainSimulation extends StairStepSimulation {

    public static final DownstreamCalls CALLS = DownstreamCalls.sequential(10);

    public ChainSimulation() {
        super("chain");
        stairs(timed("chain", http(named("chain")).get("/chain?calls=" + CALLS.count() + "&ms="
                + CALLS.callMs(parameters.delayMs())), 200));
    }
}
