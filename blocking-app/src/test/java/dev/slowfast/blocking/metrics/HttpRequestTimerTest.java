package dev.slowfast.blocking.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slowfast.rules.MetricNames;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HttpRequestTimerTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
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

        var snapshot = registry.get(MetricNames.HTTP_SERVER_REQUESTS).timer().takeSnapshot();
        var buckets = snapshot.histogramCounts();
        assertTrue(buckets.length > 10, "a percentile histogram: " + buckets.length + " buckets");
        assertEquals(MetricNames.HISTOGRAM_MIN.toNanos(), buckets[0].bucket(TimeUnit.NANOSECONDS), 1);
        assertEquals(MetricNames.HISTOGRAM_MAX.toNanos(), buckets[buckets.length - 1].bucket(TimeUnit.NANOSECONDS), 1);
        assertEquals(0, snapshot.percentileValues().length);
    }
}
