package dev.slowfast.reactive.metrics;

import io.micrometer.core.instrument.Timer;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.Closeable;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.Wrapped;
import java.util.concurrent.TimeUnit;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * Boot's R2DBC pool with every acquisition timed ({@code db.pool.acquire}): from asking for a
 * connection to having one, failing (the pool's acquire timeout) or giving up (the caller cancelled).
 * r2dbc-pool measures no such wait itself, and Boot builds the pool with no hook for a recorder, so
 * this stands in front of it as the {@code ConnectionFactory} bean; everything else is the pool's.
 */
final class TimedPool implements ConnectionFactory, Wrapped<ConnectionFactory>, Closeable, Disposable {

    private final ConnectionPool pool;
    private final Timer acquire;

    TimedPool(ConnectionPool pool, Timer acquire) {
        this.pool = pool;
        this.acquire = acquire;
    }

    @Override
    public Mono<Connection> create() {
        return Mono.defer(() -> {
            long start = System.nanoTime();
            return pool.create().doFinally(signal -> acquire.record(System.nanoTime() - start, TimeUnit.NANOSECONDS));
        });
    }

    @Override
    public ConnectionFactoryMetadata getMetadata() {
        return pool.getMetadata();
    }

    @Override
    public ConnectionFactory unwrap() {
        return pool;
    }

    /** What Spring calls when the context closes, as it would on the pool itself. */
    @Override
    public Mono<Void> close() {
        return pool.close();
    }

    @Override
    public void dispose() {
        pool.dispose();
    }

    @Override
    public boolean isDisposed() {
        return pool.isDisposed();
    }
}
