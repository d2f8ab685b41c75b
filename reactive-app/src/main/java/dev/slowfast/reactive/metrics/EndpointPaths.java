package dev.slowfast.reactive.metrics;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.springframework.boot.actuate.endpoint.web.EndpointLinksResolver;
import org.springframework.boot.actuate.endpoint.web.EndpointMapping;
import org.springframework.boot.actuate.endpoint.web.EndpointMediaTypes;
import org.springframework.boot.actuate.endpoint.web.ExposableWebEndpoint;
import org.springframework.boot.webflux.actuate.endpoint.web.WebFluxEndpointHandlerMapping;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Boot's handler mapping of the Actuator endpoints (here only {@code /metrics}), with one shortcut.
 * It is asked before the app's routes (its order is -100), and for a path that is none of its
 * literal paths (every {@code /fast}) Spring's request-mapping lookup still tries each of its
 * mappings in turn, evaluating the method and the {@code produces} conditions (parsing
 * {@code Accept}) before the path: about 4 % of the event loops' CPU under a {@code /fast} load,
 * measured with JFR, for an answer known in advance. When every mapping's paths are literal, a
 * request whose path is none of them cannot match, so it is passed on at once; any other request
 * (and any mapping with a path pattern) takes Spring's lookup unchanged, 405 and 406 included.
 */
final class EndpointPaths extends WebFluxEndpointHandlerMapping {

    /** Every mapping's literal paths, or null when some mapping has a pattern (no shortcut then). */
    private Set<String> literalPaths;

    EndpointPaths(EndpointMapping endpointMapping, Collection<ExposableWebEndpoint> endpoints,
            EndpointMediaTypes endpointMediaTypes, CorsConfiguration corsConfiguration,
            EndpointLinksResolver linksResolver, boolean shouldRegisterLinksMapping) {
        super(endpointMapping, endpoints, endpointMediaTypes, corsConfiguration, linksResolver, shouldRegisterLinksMapping);
    }

    @Override
    public void afterPropertiesSet() {
        super.afterPropertiesSet();
        Set<String> paths = new HashSet<>();
        for (RequestMappingInfo mapping : getHandlerMethods().keySet()) {
            Set<String> direct = mapping.getDirectPaths();
            if (direct.isEmpty() || direct.contains("") || direct.size() != mapping.getPatternsCondition().getPatterns().size()) {
                return;
            }
            paths.addAll(direct);
        }
        literalPaths = Set.copyOf(paths);
    }

    @Override
    public Mono<HandlerMethod> getHandlerInternal(ServerWebExchange exchange) {
        Set<String> paths = literalPaths;
        if (paths != null && !paths.contains(exchange.getRequest().getPath().pathWithinApplication().value())) {
            return Mono.empty();
        }
        return super.getHandlerInternal(exchange);
    }
}
