package dev.slowfast.async.vertx;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Shutting down without cutting requests: readiness turns 503 first, so load balancers stop sending
 * traffic, then each server drains. One instance shared by all verticle instances.
 */
public final class GracefulShutdown {

    private final AtomicBoolean underway = new AtomicBoolean();
    private final Duration grace;

    public GracefulShutdown(Duration grace) {
        this.grace = grace;
    }

    /** Whether shutdown has begun: {@code /ready} answers 503 from then on. */
    public boolean underway() {
        return underway.get();
    }

    /**
     * From a plain (non-Vert.x) thread, e.g. the SIGTERM hook; returns when done. Closing Vert.x
     * undeploys every verticle, whose stop drains its server ({@link #drain}); only then does Vert.x
     * close the pools and the event loops.
     */
    public void shutDown(Vertx vertx) {
        underway.set(true);
        vertx.close().await();
    }

    /**
     * For a verticle's stop: the listener stops accepting, idle connections close, in-flight requests
     * finish (at most {@code grace}, then their connections are cut). {@code close()} alone would cut
     * every request at once.
     */
    public Future<Void> drain(HttpServer server) {
        return server.shutdown(grace.toMillis(), TimeUnit.MILLISECONDS);
    }
}
