package dev.slowfast.reactive.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.reactive.observation.ServerRequestObservationConvention;

/**
 * {@code GET /metrics} (docs/contract.md, "Metrics"): what this app adds to Boot's own metrics. Boot
 * serves Actuator's Prometheus endpoint on {@code /metrics}, observes every request WebFlux routes
 * and binds the JVM and process metrics (application.properties says how); here are the contract's
 * request tags and histograms, the pool's metrics and the event-loop probe. The in-flight gauge and
 * the shed counter live where shedding happens, in {@code netty/InFlightLimit}: a shed request never
 * reaches WebFlux. With {@code METRICS=off} none of this exists, and Boot has no exporter (so no
 * endpoint, and a registry that records nothing).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("METRICS")
public class AppMetrics {

    @Bean
    ServerRequestObservationConvention httpRequestTags() {
        return new HttpRequestTags();
    }

    @Bean
    HttpRequestTimer httpRequestTimers(MeterRegistry registry) {
        return new HttpRequestTimer(registry);
    }

    @Bean
    MeterFilter histograms() {
        return new Histograms();
    }

    /** Static: a post-processor is made before other beans, so it must not need this configuration's instance. */
    @Bean
    static PoolMeters dbPoolMetrics(ObjectProvider<MeterRegistry> registry) {
        return new PoolMeters(registry);
    }

    @Bean
    ScrapeAccept scrapeAccept() {
        return new ScrapeAccept();
    }

    @Bean
    EventLoopDelay eventLoopDelay(MeterRegistry registry) {
        return new EventLoopDelay(registry);
    }
}
