package dev.slowfast.reactive;

import static org.springframework.web.reactive.function.server.RequestPredicates.all;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import dev.slowfast.reactive.contacts.ContactHandlers;
import dev.slowfast.reactive.downstream.DownstreamHandlers;
import dev.slowfast.reactive.health.HealthHandlers;
import dev.slowfast.reactive.latency.LatencyHandlers;
import dev.slowfast.rules.ApiProblem;
import dev.slowfast.rules.ProblemDetails;
import dev.slowfast.rules.ProblemType;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.MethodNotAllowedException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The whole API on one page: every path and method, and what answers it. */
@Configuration(proxyBeanMethods = false)
public class Routes {

    /** The methods a route of this API can have; HEAD and OPTIONS are deliberately never offered. */
    private static final List<HttpMethod> METHODS =
            List.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

    @Bean
    RouterFunction<ServerResponse> api(LatencyHandlers latency, DownstreamHandlers downstream, ContactHandlers contacts,
                                       HealthHandlers health) {
        RouterFunction<ServerResponse> api = route()
                .GET("/fast", latency::fast)
                .GET("/slow", latency::slow)
                .GET("/slow/db", latency::slowDb)
                .GET("/cpu", latency::cpu)
                .GET("/slow/http", downstream::slowHttp)
                .GET("/fanout", downstream::fanout)
                .GET("/chain", downstream::chain)
                .GET("/contacts", contacts::list)
                .POST("/contacts", contacts::create)
                .GET("/contacts/{id}", contacts::get)
                .PUT("/contacts/{id}", contacts::update)
                .DELETE("/contacts/{id}", contacts::delete)
                .GET("/health", health::health)
                .GET("/ready", health::ready)
                .build();
        return api.and(route(all(), request -> unmatched(api, request)));
    }

    /**
     * Functional routes have no 405 of their own (they answer 404 to whatever they do not match), so
     * the last route asks the routes above which methods would match this path: the framework's
     * 405 with exactly those in {@code Allow}, or a 404 when there are none.
     */
    private static Mono<ServerResponse> unmatched(RouterFunction<ServerResponse> api, ServerRequest request) {
        return Flux.fromIterable(METHODS)
                .filterWhen(method -> api.route(ServerRequest.from(request).method(method).build()).hasElement())
                .collectList()
                .flatMap(allowed -> Mono.error(allowed.isEmpty()
                        ? ApiProblem.of(ProblemType.NOT_FOUND, ProblemDetails.NO_SUCH_PATH)
                        : new MethodNotAllowedException(request.method(), allowed)));
    }
}
