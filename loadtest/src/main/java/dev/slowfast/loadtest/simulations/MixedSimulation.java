package dev.slowfast.loadtest.simulations;

import static io.gatling.javaapi.core.CoreDsl.doIfOrElse;
import static io.gatling.javaapi.http.HttpDsl.http;

/**
 * Half the requests are {@code /slow}, half {@code /fast}: does a slow request hold up a fast one?
 * Each user alternates (odd users start with /fast) rather than picking at random, so every run
 * sends exactly the same mix and /fast arrives at the same rate as /slow completes.
 */
public class MixedSimulation extends StairStepSimulation {

    public MixedSimulation() {
        super("mixed");
        stairs(doIfOrElse(session -> (session.getInt(CYCLE) + session.userId()) % 2 == 0)
                .then(timed("slow", http(named("slow")).get("/slow?ms=" + parameters.delayMs()), 200))
                .orElse(timed("fast", http(named("fast")).get("/fast"), 200)));
    }
}
