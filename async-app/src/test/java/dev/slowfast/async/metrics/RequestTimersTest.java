package dev.slowfast.async.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slowfast.rules.MetricNames;
import org.junit.jupiter.api.Test;

class RequestTimersTest {

    @Test
    void aVertxPathBecomesTheContractsTemplate() {
        assertEquals("/contacts/{id}", RequestTimers.template("/contacts/:id"));
        assertEquals("/slow/db", RequestTimers.template("/slow/db"));
        assertEquals(MetricNames.UNKNOWN_URI, RequestTimers.template(null));
    }
}
