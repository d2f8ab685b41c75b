package dev.slowfast.blocking.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slowfast.rules.MetricNames;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HttpRequestTimerTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final HttpRequestTimer requests = new HttpRequestTimer(registry);

    @Test
    void aRequestIsTimedUnderItsRouteTemplateWithTheFourTags() {
        requests.record("GET", "/contacts/{id}", 404, Duration.ofMillis(3).toNanos());

        Timer timer = registry.get(MetricNames.HTTP_SERVER_REQUESTS).timer();
        assertEquals(List.of(Tag.of("method", "GET"), Tag.of("outcome", "CLIENT_ERROR"), Tag.of("status", "404"),
                Tag.of("uri", "/contacts/{id}")), timer.getId().getTags());
        assertEquals(1, timer.count());
        assertEquals(3, timer.totalTime(TimeUnit.MILLISECONDS), 0.001);
    }

    @Test
    void noMatchedRouteIsUnknownAndAnOddMethodToo() {
        requests.record("BREW", null, 405, 1);

        Timer timer = registry.get(MetricNames.HTTP_SERVER_REQUESTS).timer();
        assertEquals(MetricNames.UNKNOWN_URI, timer.getId().getTag(MetricNames.URI));
        assertEquals(HttpRequestTimer.UNKNOWN_METHOD, timer.getId().getTag(MetricNames.METHOD));
        assertEquals("CLIENT_ERROR", timer.getId().getTag(MetricNames.OUTCOME));
    }

    @Test
    void theTimerOfARouteMethodAndStatusIsBuiltOnceAndReused() {
        Timer first = requests.timer("GET", "/fast", 200);

        assertSame(first, requests.timer("GET", "/fast", 200));
        assertNotSame(first, requests.timer("GET", "/fast", 503));
        assertNotSame(first, requests.timer("HEAD", "/fast", 200));
        assertNotSame(first, requests.timer("GET", "/slow", 200));
        assertEquals(4, registry.find(MetricNames.HTTP_SERVER_REQUESTS).timers().size());
    }

    @Test
    void theTimerHasPercentileBucketsFromOneMillisecondToSixtySecondsAndNoPercentiles() {
        requests.record("GET", "/fast", 200, 1);

        String text = registry.scrape();
        String series = "http_server_requests_seconds_bucket{method=\"GET\",outcome=\"SUCCESS\",status=\"200\",uri=\"/fast\",";
        assertTrue(text.contains(series + "le=\"0.001\"} 1"), text);
        assertTrue(text.contains(series + "le=\"60.0\"} 1"), text);
        assertTrue(text.contains(series + "le=\"+Inf\"} 1"), text);
        assertFalse(text.contains("quantile"), "no client-side percentiles");
        assertEquals(0, registry.get(MetricNames.HTTP_SERVER_REQUESTS).timer().takeSnapshot().percentileValues().length);
    }
}
