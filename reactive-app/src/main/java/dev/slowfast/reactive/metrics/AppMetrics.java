package dev.slowfast.reactive.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.CorsEndpointProperties;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointProperties;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.actuate.endpoint.ExposableEndpoint;
import org.springframework.boot.actuate.endpoint.web.EndpointLinksResolver;
import org.springframework.boot.actuate.endpoint.web.EndpointMapping;
import org.springframework.boot.actuate.endpoint.web.EndpointMediaTypes;
import org.springframework.boot.actuate.endpoint.web.ExposableWebEndpoint;
import org.springframework.boot.actuate.endpoint.web.WebEndpointsSupplier;
import org.springframework.boot.actuate.endpoint.web.annotation.ControllerEndpointsSupplier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.server.reactive.observation.ServerRequestObservationConvention;
import org.springframework.util.StringUtils;

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

    /**
     * Boot's Actuator handler mapping, made as Boot's WebFluxEndpointManagementContextConfiguration
     * makes it (which then backs off), as {@link EndpointPaths}: the same mappings, without their
     * per-request cost for the paths that are not endpoints.
     */
    @Bean
    EndpointPaths webEndpointReactiveHandlerMapping(WebEndpointsSupplier webEndpointsSupplier,
            ControllerEndpointsSupplier controllerEndpointsSupplier, EndpointMediaTypes endpointMediaTypes,
            CorsEndpointProperties corsProperties, WebEndpointProperties webEndpointProperties, Environment environment) {
        String basePath = webEndpointProperties.getBasePath();
        Collection<ExposableWebEndpoint> endpoints = webEndpointsSupplier.getEndpoints();
        List<ExposableEndpoint<?>> allEndpoints = new ArrayList<>(endpoints);
        allEndpoints.addAll(controllerEndpointsSupplier.getEndpoints());
        boolean links = webEndpointProperties.getDiscovery().isEnabled()
                && (StringUtils.hasText(basePath) || ManagementPortType.get(environment) == ManagementPortType.DIFFERENT);
        return new EndpointPaths(new EndpointMapping(basePath), endpoints, endpointMediaTypes,
                corsProperties.toCorsConfiguration(), new EndpointLinksResolver(allEndpoints, basePath), links);
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
