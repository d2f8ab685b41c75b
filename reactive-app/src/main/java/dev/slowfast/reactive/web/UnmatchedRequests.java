package dev.slowfast.reactive.web;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Answers what no route matched: 405 when the path exists with other methods (Allow lists exactly
 * those, found by asking the routes themselves), else 404.
 */
final class UnmatchedRequests implements HandlerFunction<ServerResponse> {

    /** The methods a route of this API can have; HEAD and OPTIONS are deliberately never offered. */
    private static final List<HttpMethod> CANDIDATES =
            List.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

    private final RouterFunction<ServerResponse> routes;

    UnmatchedRequests(RouterFunction<ServerResponse> routes) {
        this.routes = routes;
    }

    @Override
    public Mono<ServerResponse> handle(ServerRequest request) {
        return Flux.fromIterable(CANDIDATES)
                .filterWhen(method -> routes.route(ServerRequest.from(request).method(method).build()).hasElement())
                .collect(Collectors.toCollection(LinkedHashSet::new))
                .flatMap(allowed -> Mono.error(allowed.isEmpty()
                        ? Problems.notFound("There is nothing at " + request.path() + ".")
                        : Problems.methodNotAllowed(allowed)));
    }
}
