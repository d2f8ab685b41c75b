package dev.slowfast.reactive.metrics;

import dev.slowfast.rules.MetricNames;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.http.server.reactive.observation.ServerRequestObservationConvention;

/**
 * The tags of {@code http.server.requests}: exactly method, uri, status and outcome, as the contract
 * has them in every app. {@code uri} is the route template WebFlux matched (functional routes and
 * Actuator's endpoint set it), {@code UNKNOWN} when no route did (404, 405). Spring's default
 * convention would add {@code exception} and {@code http.url}, and name an unmatched 404 {@code NOT_FOUND}.
 */
final class HttpRequestTags implements ServerRequestObservationConvention {

    private static final KeyValue UNKNOWN_URI = KeyValue.of(MetricNames.URI, MetricNames.UNKNOWN_URI);
    /** A client that went away before its answer: no status was sent. */
    private static final KeyValues ABORTED = KeyValues.of(
            KeyValue.of(MetricNames.STATUS, "UNKNOWN"), KeyValue.of(MetricNames.OUTCOME, "UNKNOWN"));

    @Override
    public String getName() {
        return MetricNames.HTTP_SERVER_REQUESTS;
    }

    @Override
    public String getContextualName(ServerRequestObservationContext context) {
        return "http " + context.getCarrier().getMethod().name().toLowerCase();
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(ServerRequestObservationContext context) {
        String pattern = context.getPathPattern();
        KeyValues tags = KeyValues.of(
                KeyValue.of(MetricNames.METHOD, context.getCarrier().getMethod().name()),
                pattern != null ? KeyValue.of(MetricNames.URI, pattern) : UNKNOWN_URI);
        HttpStatusCode status = context.getResponse() != null ? context.getResponse().getStatusCode() : null;
        if (context.isConnectionAborted() || status == null) {
            return tags.and(ABORTED);
        }
        return tags.and(KeyValue.of(MetricNames.STATUS, Integer.toString(status.value())),
                KeyValue.of(MetricNames.OUTCOME, MetricNames.outcome(status.value())));
    }

    /** Nothing per request beyond the four tags: no raw URL, the contract never shows one. */
    @Override
    public KeyValues getHighCardinalityKeyValues(ServerRequestObservationContext context) {
        return KeyValues.empty();
    }

    /**
     * Micrometer's observation handler adds an {@code error} tag to every observation's timer, after
     * the convention has spoken; this filter leaves {@code http.server.requests} with the four tags
     * above. It runs once per new series, not per request (the registry caches the mapped meter).
     */
    static MeterFilter onlyTheseTags() {
        Set<String> kept = Set.of(MetricNames.METHOD, MetricNames.URI, MetricNames.STATUS, MetricNames.OUTCOME);
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                if (!id.getName().equals(MetricNames.HTTP_SERVER_REQUESTS)) {
                    return id;
                }
                List<Tag> tags = id.getTags().stream().filter(tag -> kept.contains(tag.getKey())).toList();
                return id.replaceTags(tags);
            }
        };
    }
}
