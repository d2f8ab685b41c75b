package dev.slowfast.async;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * async-app, running: a Vert.x instance with {@code EVENT_LOOPS} event loops and one
 * {@link ApiVerticle} deployed on each. Start and stop it from plain (non-Vert.x) threads, e.g.
 * {@code main} or a test: {@code var app = AsyncApp.start(config); app.port(); app.close();}
 */
public final class AsyncApp implements AutoCloseable {

    private final Vertx vertx;
    private final int port;
    private final Lifecycle lifecycle;

    private AsyncApp(Vertx vertx, int port, Lifecycle lifecycle) {
        this.vertx = vertx;
        this.port = port;
        this.lifecycle = lifecycle;
    }

    /** Vert.x settings that follow from the config. */
    public static VertxOptions vertxOptions(Config config) {
        return new VertxOptions().setEventLoopPoolSize(config.eventLoops());
    }

    /** Starts on a Vert.x made from {@link #vertxOptions(Config)}; returns once listening. */
    public static AsyncApp start(Config config) {
        return start(config, Vertx.vertx(vertxOptions(config)));
    }

    /**
     * Starts on the given Vert.x (tests bring one with stricter settings) and takes ownership of
     * it: {@link #close()} closes it. Blocks the calling thread until the app listens.
     */
    public static AsyncApp start(Config config, Vertx vertx) {
        String schemaSql = Schema.load();
        // One of each for the whole app, whatever the number of verticle instances.
        InFlightLimit inFlightLimit = new InFlightLimit(config.maxInFlight());
        Lifecycle lifecycle = new Lifecycle();
        List<ApiVerticle> instances = new CopyOnWriteArrayList<>();
        try {
            vertx.deployVerticle(() -> {
                        var verticle = new ApiVerticle(config, schemaSql, inFlightLimit, lifecycle);
                        instances.add(verticle);
                        return verticle;
                    }, new DeploymentOptions().setInstances(config.eventLoops()))
                    .await();
        } catch (RuntimeException e) {
            vertx.close().await();
            throw e;
        }
        return new AsyncApp(vertx, instances.getFirst().actualPort(), lifecycle);
    }

    /** The port the app listens on (the chosen one when {@code PORT=0}). */
    public int port() {
        return port;
    }

    public Vertx vertx() {
        return vertx;
    }

    /**
     * Shuts down gracefully and returns when done: {@code /ready} turns 503 at once; closing Vert.x
     * then undeploys every {@link ApiVerticle}, whose stop lets in-flight requests finish (bounded
     * by {@code SHUTDOWN_GRACE_MS}); only then are the pools and the event loops closed.
     */
    @Override
    public void close() {
        lifecycle.beginShutdown();
        vertx.close().await();
    }
}
