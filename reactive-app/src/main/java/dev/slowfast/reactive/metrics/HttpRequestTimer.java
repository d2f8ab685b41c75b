package dev.slowfast.reactive.metrics;

import dev.slowfast.rules.MetricNames;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.MeterObservationHandler;
import io.micrometer.observation.Observation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;

/**
 * Records each request's observation on its {@code http.server.requests} timer, tagged with exactly
 * what {@link HttpRequestTags} said. It stands before Micrometer's DefaultMeterObservationHandler
 * (Boot puts the meter handlers in one first-match group, in order) because that one, on every
 * request, turns the tags into a new meter id, adds an {@code error} tag and looks the timer up
 * through the registry's filters, most of what metrics cost per request; here the timer of a tag
 * set is found once and kept. Every other observation still goes to Micrometer's handler.
 */
final class HttpRequestTimer implements MeterObservationHandler<ServerRequestObservationContext>, Ordered {

    /** Where the start time waits in the observation's context. */
    private static final String STARTED = HttpRequestTimer.class.getName() + ".started";

    private final MeterRegistry registry;
    /** One timer per series: the tags are bounded (routes, methods, statuses), and so is this map. */
    private final Map<KeyValues, Timer> timers = new ConcurrentHashMap<>();

    HttpRequestTimer(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
        return context instanceof ServerRequestObservationContext;
    }

    @Override
    public void onStart(ServerRequestObservationContext context) {
        context.put(STARTED, registry.config().clock().monotonicTime());
    }

    @Override
    public void onStop(ServerRequestObservationContext context) {
        long started = context.<Long>getRequired(STARTED);
        KeyValues tags = context.getLowCardinalityKeyValues();
        Timer timer = timers.get(tags);
        if (timer == null) {
            timer = timers.computeIfAbsent(tags, this::register);
        }
        timer.record(registry.config().clock().monotonicTime() - started, TimeUnit.NANOSECONDS);
    }

    private Timer register(KeyValues tags) {
        List<Tag> meterTags = new ArrayList<>();
        for (KeyValue tag : tags) {
            meterTags.add(Tag.of(tag.getKey(), tag.getValue()));
        }
        return Timer.builder(MetricNames.HTTP_SERVER_REQUESTS)
                .description("Requests WebFlux routed, from routing to the last byte written")
                .tags(meterTags)
                .register(registry);
    }
}
