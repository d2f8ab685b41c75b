package dev.slowfast.async.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slowfast.rules.MetricNames;
import org.junit.jupiter.api.Test;

class HttpRequestTimerTest {

    @Test
    void aVertxPathBecomesTheContractsTemplate() {
        assertEquals("/contacts/{id}", HttpRequestTimer.template("/contacts/:id"));
        assertEquals("/slow/db", HttpRequestTimer.template("/slow/db"));
        assertEquals(MetricNames.UNKNOWN_URI, HttpRequestTimer.template(null));
    }
}
