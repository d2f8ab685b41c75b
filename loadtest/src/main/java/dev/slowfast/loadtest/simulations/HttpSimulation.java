package dev.slowfast.loadtest.simulations;

import static io.gatling.javaapi.http.HttpDsl.http;

/** {@code /slow/http?ms=delay}: the wait is one call to the downstream service. */
public class HttpSimulation extends StairStepSimulation {

    public static final DownstreamCalls CALLS = DownstreamCalls.one();

    public HttpSimulation() {
        super("http");
        stairs(timed("http", http(named("http")).get("/slow/http?ms=" + CALLS.callMs(parameters.delayMs())), 200));
    }
}
