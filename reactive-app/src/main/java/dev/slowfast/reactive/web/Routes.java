package dev.slowfast.reactive.web;

import static org.springframework.web.reactive.function.server.RequestPredicates.all;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import dev.slowfast.reactive.contacts.ContactsHandler;
import dev.slowfast.reactive.health.HealthHandler;
import dev.slowfast.reactive.latency.LatencyHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The whole API on one page: every path and method, and what answers it. */
@Configuration(proxyBeanMethods = false)
public class Routes {

    @Bean
    RouterFunction<ServerResponse> api(LatencyHandler latency, ContactsHandler contacts, HealthHandler health) {
        RouterFunction<ServerResponse> api = route()
                .GET("/fast", latency::fast)
                .GET("/slow", latency::slow)
                .GET("/slow/db", latency::slowDatabase)
                .GET("/cpu", latency::cpu)
                .GET("/contacts", contacts::list)
                .POST("/contacts", contacts::create)
                .GET("/contacts/{id}", contacts::get)
                .PUT("/contacts/{id}", contacts::replace)
                .DELETE("/contacts/{id}", contacts::delete)
                .GET("/health", health::health)
                .GET("/ready", health::ready)
                .build();
        // Functional routes answer 404 for everything they don't match; this turns a known path
        // with the wrong method into a 405 whose Allow header is read from the routes above.
        return api.and(route(all(), new UnmatchedRequests(api)));
    }
}
