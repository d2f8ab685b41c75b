package dev.slowfast.reactive.downstream;

import dev.slowfast.rules.DownstreamSettings;
import dev.slowfast.rules.QueryRules;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.http.client.autoconfigure.reactive.ClientHttpConnectorBuilderCustomizer;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;
import org.springframework.core.Ordered;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * The app's one pool of connections to downstream, put under the {@code ClientHttpConnector} Boot
 * builds for its {@code WebClient.Builder} (spring.http.clients.reactive.connector=reactor). This app
 * makes no other HTTP calls, so Boot's connector is downstream's.
 *
 * <p>Event loops: Boot's own customizer (order 0; this one runs last) has already put the client on the
 * ReactorResourceFactory's loops, the very loops the server runs on, and that is kept. Downstream calls
 * are non-blocking I/O like the server's, so loops of their own would only add threads to a 2-core
 * machine and a hop between threads on every call. The shared loops are colocated: a call made while
 * handling a request opens its connection on that request's loop, so the call's answer and the
 * request's response need no hand-off. A loop busy with client traffic shows up in
 * slowfast.event.loop.delay, as it should.
 */
public final class DownstreamConnections
        implements ClientHttpConnectorBuilderCustomizer<ReactorClientHttpConnectorBuilder>, Ordered, DisposableBean {

    private final ConnectionProvider pool;

    /**
     * At most DOWNSTREAM_POOL_SIZE connections; a call that finds them all busy queues for one. Its wait
     * counts in its DOWNSTREAM_TIMEOUT_MS (DownstreamClient's timeout starts before the acquisition; the
     * pool's own acquire timeout is only a backstop). The queue is never the reason for a refusal: it
     * holds every call {@code maxInFlight} requests can make at once, where Reactor Netty's default
     * (twice the pool) would make the third queued call of a fan-out over a pool of one a 502.
     */
    public DownstreamConnections(DownstreamSettings downstream, int maxInFlight) {
        this.pool = ConnectionProvider.builder("downstream")
                .maxConnections(downstream.poolSize())
                .pendingAcquireMaxCount(Math.multiplyExact(maxInFlight, (int) QueryRules.CALLS.max()))
                .pendingAcquireTimeout(downstream.timeout())
                .build();
    }

    /** Keeps Boot's defaults and loops (see above); replaces only the connection pool. */
    @Override
    public ReactorClientHttpConnectorBuilder customize(ReactorClientHttpConnectorBuilder builder) {
        return builder.withHttpClientFactory(() -> HttpClient.create(pool));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** With the context, after the server's drain: no request still needs a connection. */
    @Override
    public void destroy() {
        pool.dispose();
    }
}
