package dev.slowfast.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    private static final String SCRAPE = """
            # HELP http_server_requests_seconds \s
            # TYPE http_server_requests_seconds histogram
            http_server_requests_seconds_bucket{method="GET",outcome="SUCCESS",status="200",uri="/fast",le="0.001"} 3
            http_server_requests_seconds_bucket{method="GET",outcome="SUCCESS",status="200",uri="/fast",le="+Inf"} 4
            http_server_requests_seconds_count{method="GET",outcome="SUCCESS",status="200",uri="/fast"} 4
            http_server_requests_seconds_count{method="GET",outcome="CLIENT_ERROR",status="404",uri="/contacts/{id}"} 2
            # TYPE slowfast_requests_shed_total counter
            slowfast_requests_shed_total 7.0
            odd{path="a \\"quoted\\" \\\\ back\\nslash, {brace}"} NaN 1700000000000
            """;

    @Test
    void readsNamesLabelsValuesAndTypes() {
        var text = PrometheusText.parse(SCRAPE);
        assertEquals(6, text.samples().size());
        assertEquals(4, text.sum("http_server_requests_seconds_bucket", Map.of("le", "+Inf")));
        assertEquals(2, text.sum("http_server_requests_seconds_count", Map.of("uri", "/contacts/{id}", "status", "404")));
        assertEquals(6, text.sum("http_server_requests_seconds_count", Map.of()));
        assertEquals(7, text.sum("slowfast_requests_shed_total", Map.of()));
        assertEquals("histogram", text.type("http_server_requests_seconds").orElseThrow());
        assertEquals("a \"quoted\" \\ back\nslash, {brace}", text.find("odd", Map.of()).getFirst().label("path"));
        assertTrue(Double.isNaN(text.find("odd", Map.of()).getFirst().value()));
    }

    @Test
    void anAbsentSeriesSumsToZeroAndIsNotThere() {
        var text = PrometheusText.parse(SCRAPE);
        assertFalse(text.has("slowfast_requests_in_flight"));
        assertEquals(0, text.sum("http_server_requests_seconds_count", Map.of("uri", "/slow")));
    }

    @Test
    void aLineThatIsNotASampleIsNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> PrometheusText.parse("ok 1\nbroken{a=1} 2\n"));
        assertTrue(e.getMessage().startsWith("line 2 "), e.getMessage());
    }
}
