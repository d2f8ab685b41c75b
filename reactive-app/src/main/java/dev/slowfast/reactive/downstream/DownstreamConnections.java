package dev.slowfast.reactive.downstream;

import dev.slowfast.rules.DownstreamSettings;
import dev.slowfast.rules.QueryRules;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.http.client.autoconfigure.reactive.ClientHttpConnectorBuilderCustomizer;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;
import org.springframework.core.Ordered;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.pool.InstrumentedPool;
import reactor.pool.PoolBuilder;

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
 *
 * <p>Turns: a call waits for one of DOWNSTREAM_POOL_SIZE turns ({@link #inTurn}) before it asks Reactor
 * Netty for a connection, so Reactor Netty's own queue stays empty. Reactor Netty 1.3.8 does not take a
 * cancelled call out of that queue (HttpClientConnect never cancels its pending acquisition): after a
 * burst of aborted fan-outs it was full of dead calls, each later given a fresh connection only to close
 * it, and a live call behind them waited up to its timeout (measured: a 504 after 5 s). Reactor's pool
 * (reactor-pool) does drop a cancelled waiter at once.
 */
public final class DownstreamConnections
        implements ClientHttpConnectorBuilderCustomizer<ReactorClientHttpConnectorBuilder>, Ordered, DisposableBean {

    private static final Object TURN = new Object();

    private final ConnectionProvider pool;
    private final InstrumentedPool<Object> turns;

    /**
     * At most DOWNSTREAM_POOL_SIZE connections and as many turns; a call that finds them all taken queues
     * for a turn. Its wait counts in its DOWNSTREAM_TIMEOUT_MS (DownstreamClient's timeout starts
     * before it). Neither queue is a reason for a refusal: each holds every call {@code maxInFlight}
     * requests can make at once (Reactor Netty's default, twice the pool, would make the third queued call
     * of a fan-out over a pool of one a 502); the acquire timeout is only a backstop.
     */
    public DownstreamConnections(DownstreamSettings downstream, int maxInFlight) {
        this.pool = ConnectionProvider.builder("downstream")
                .maxConnections(downstream.poolSize())
                .pendingAcquireMaxCount(Math.multiplyExact(maxInFlight, (int) QueryRules.CALLS.max()))
                .pendingAcquireTimeout(downstream.timeout())
                .build();
        this.turns = PoolBuilder.from(Mono.just(TURN))
                .sizeBetween(0, downstream.poolSize())
                .maxPendingAcquireUnbounded()
                .buildPool();
    }

    /** Runs {@code call} in one of the pool's turns, given back when it ends, fails or is cancelled. */
    Mono<Void> inTurn(Mono<Void> call) {
        return Mono.from(turns.withPoolable(turn -> call));
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
        turns.dispose();
        pool.dispose();
    }
}
