package dev.slowfast.reactive.downstream;

import dev.slowfast.reactive.Config;
import dev.slowfast.rules.DownstreamSettings;
import dev.slowfast.rules.QueryRules;
import org.springframework.boot.http.client.autoconfigure.reactive.ClientHttpConnectorBuilderCustomizer;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * The app's one pool of connections to downstream, {@code DOWNSTREAM_POOL_SIZE} of them, put under
 * the {@code ClientHttpConnector} Boot builds for its {@code WebClient.Builder}
 * (spring.http.clients.reactive.connector=reactor). This app makes no other HTTP calls, so Boot's
 * connector is downstream's.
 *
 * <p>Event loops: Boot's own customizer (order 0, which this one follows) has already put the client on
 * the ReactorResourceFactory's loops, the very loops the server runs on; that is kept. Downstream calls
 * are non-blocking I/O like the server's, so separate loops would only add threads to a 2-core box and a
 * hop between threads on every call. Shared loops are colocated: a call made while handling a request
 * opens its connection on that request's loop, so the call's answer and the request's response need no
 * hand-off. A loop busy with client traffic shows up in slowfast.event.loop.delay, as it should.
 */
@Configuration(proxyBeanMethods = false)
class DownstreamConnections {

    /**
     * At most DOWNSTREAM_POOL_SIZE connections; a call that finds them all busy queues for one. Its wait
     * is part of its DOWNSTREAM_TIMEOUT_MS (DownstreamClient's timeout starts before the acquisition;
     * this pool's own acquire timeout is only the backstop). The queue is never the reason for a refusal:
     * it holds as many calls as MAX_IN_FLIGHT requests can make at once, where the default (twice the
     * pool) would turn the 49th queued call of a fan-out over a pool of 1 into a 502.
     */
    @Bean(destroyMethod = "dispose")
    ConnectionProvider downstreamConnectionProvider(Config config) {
        DownstreamSettings downstream = config.server().downstream();
        return ConnectionProvider.builder("downstream")
                .maxConnections(downstream.poolSize())
                .pendingAcquireMaxCount(Math.multiplyExact(config.server().maxInFlight(), (int) QueryRules.CALLS.max()))
                .pendingAcquireTimeout(downstream.timeout())
                .build();
    }

    /** Keeps Boot's defaults and loops (see above), replaces only the connection pool. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    ClientHttpConnectorBuilderCustomizer<ReactorClientHttpConnectorBuilder> downstreamPool(ConnectionProvider downstreamConnectionProvider) {
        return builder -> builder.withHttpClientFactory(() -> HttpClient.create(downstreamConnectionProvider));
    }
}
