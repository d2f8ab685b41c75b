package dev.slowfast.loadtest.simulations;

import static io.gatling.javaapi.http.HttpDsl.http;

/** {@code /slow/db?ms=delay}: the wait happens inside PostgreSQL, so the connection pool is the limit. */
public class DbSlowSimulation extends StairStepSimulation {

    public DbSlowSimulation() {
        super("db-slow");
        stairs(timed("db-slow", http(named("db-slow")).get("/slow/db?ms=" + parameters.delayMs()), 200));
    }
}
