package dev.slowfast.reactive.metrics;

import dev.slowfast.rules.MetricNames;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.http.server.reactive.observation.ServerRequestObservationConvention;

/**
 * The tags of {@code http.server.requests}: exactly method, uri, status and outcome, as the contract
 * has them in every app. {@code uri} is the route template WebFlux matched (functional routes and
 * Actuator's endpoint set it), {@code UNKNOWN} when no route did (404, 405). Spring's default
 * convention would add {@code exception} and {@code http.url}, and name an unmatched 404 {@code NOT_FOUND}.
 * Every value is one of a bounded set (a method outside HTTP's standard ones is {@code UNKNOWN} too),
 * so a client cannot make series, and each tag is made once and reused.
 */
final class HttpRequestTags implements ServerRequestObservationConvention {

    private static final String UNKNOWN = "UNKNOWN";
    private static final KeyValue UNKNOWN_METHOD = KeyValue.of(MetricNames.METHOD, UNKNOWN);
    private static final KeyValue UNKNOWN_URI = KeyValue.of(MetricNames.URI, MetricNames.UNKNOWN_URI);
    /** No status yet (the observation's start) or never (a client that went away before its answer). */
    private static final KeyValue UNKNOWN_STATUS = KeyValue.of(MetricNames.STATUS, UNKNOWN);
    private static final KeyValue UNKNOWN_OUTCOME = KeyValue.of(MetricNames.OUTCOME, UNKNOWN);
    private static final KeyValues START_OF_UNKNOWN_METHOD =
            KeyValues.of(UNKNOWN_METHOD, UNKNOWN_URI, UNKNOWN_STATUS, UNKNOWN_OUTCOME);

    private final Map<HttpMethod, KeyValue> methods = new ConcurrentHashMap<>();
    /** What is known when a request's observation starts: its method, nothing else yet. Made once. */
    private final Map<HttpMethod, KeyValues> starts = new ConcurrentHashMap<>();
    private final Map<String, KeyValue> uris = new ConcurrentHashMap<>();
    /** Indexed by status code (100..599). */
    private final KeyValue[] statuses = new KeyValue[600];
    private final KeyValue[] outcomes = new KeyValue[600];

    HttpRequestTags() {
        for (HttpMethod method : HttpMethod.values()) {
            methods.put(method, KeyValue.of(MetricNames.METHOD, method.name()));
            starts.put(method, KeyValues.of(methods.get(method), UNKNOWN_URI, UNKNOWN_STATUS, UNKNOWN_OUTCOME));
        }
        for (int status = 100; status < statuses.length; status++) {
            statuses[status] = KeyValue.of(MetricNames.STATUS, Integer.toString(status));
            outcomes[status] = KeyValue.of(MetricNames.OUTCOME, MetricNames.outcome(status));
        }
    }

    @Override
    public String getName() {
        return MetricNames.HTTP_SERVER_REQUESTS;
    }

    /**
     * Asked when the request's observation starts (no route, no status yet) and again when it stops:
     * the timer is tagged with the second answer.
     */
    @Override
    public KeyValues getLowCardinalityKeyValues(ServerRequestObservationContext context) {
        HttpMethod httpMethod = context.getCarrier().getMethod();
        String pattern = context.getPathPattern();
        HttpStatusCode status = context.getResponse() != null ? context.getResponse().getStatusCode() : null;
        if (pattern == null && status == null && !context.isConnectionAborted()) {
            return starts.getOrDefault(httpMethod, START_OF_UNKNOWN_METHOD);
        }
        KeyValue method = methods.getOrDefault(httpMethod, UNKNOWN_METHOD);
        KeyValue uri = pattern == null ? UNKNOWN_URI : uris.computeIfAbsent(pattern, p -> KeyValue.of(MetricNames.URI, p));
        if (context.isConnectionAborted() || status == null || status.value() < 100 || status.value() >= statuses.length) {
            return KeyValues.of(method, uri, UNKNOWN_STATUS, UNKNOWN_OUTCOME);
        }
        return KeyValues.of(method, uri, statuses[status.value()], outcomes[status.value()]);
    }

    /** Nothing per request beyond the four tags: no raw URL, the contract never shows one. */
    @Override
    public KeyValues getHighCardinalityKeyValues(ServerRequestObservationContext context) {
        return KeyValues.empty();
    }
}
