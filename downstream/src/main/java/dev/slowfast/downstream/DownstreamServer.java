package dev.slowfast.downstream;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;

/**
 * The downstream service: one HTTP server on ONE event loop, every endpoint non-blocking, so that
 * whatever an app does with its calls, the wait it measures is the app's and never this server's.
 * {@code PORT} (default 8090, 0 = any free port); prints {@code downstream listening on port N}
 * on stdout once it accepts connections. Bad {@code PORT}: exit status 2; cannot listen: 1.
 */
public final class DownstreamServer {

    public static final int DEFAULT_PORT = 8090;
    /** Larger than any burst of connects a test or a load level makes (the kernel caps it at somaxconn). */
    static final int ACCEPT_BACKLOG = 32_768;

    private DownstreamServer() {
    }

    public static void main(String[] args) {
        int port;
        try {
            port = port(System.getenv("PORT"));
        } catch (IllegalArgumentException e) {
            System.err.println("downstream: " + e.getMessage());
            System.exit(2);
            return;
        }
        // One event loop: every counter is touched by that one thread only, and nothing here blocks.
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        HttpServer server;
        try {
            server = start(vertx, port);
        } catch (Exception e) {
            System.err.println("downstream: could not listen on port " + port + ": " + e);
            vertx.close().await();
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> vertx.close().await(), "downstream-shutdown"));
        System.out.println("downstream listening on port " + server.actualPort());
    }

    /** Listens on {@code port} with the routes of {@link Routes}; blocks the calling (non-Vert.x) thread until it does. */
    static HttpServer start(Vertx vertx, int port) {
        var stats = new Stats();
        var faults = new Faults();
        HttpServerOptions options = new HttpServerOptions()
                .setPort(port)
                .setAcceptBacklog(ACCEPT_BACKLOG)
                .setIdleTimeout(0) // callers keep pooled connections open as long as they like
                .setReuseAddress(true); // a restart on the same port is not refused while old sockets linger
        return vertx.createHttpServer(options).requestHandler(Routes.router(vertx, stats, faults)).listen().await();
    }

    static int port(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_PORT;
        }
        String text = value.strip();
        if (!text.matches("\\d{1,5}") || Integer.parseInt(text) > 65_535) {
            throw new IllegalArgumentException("PORT must be 0..65535, got '" + value + "'");
        }
        return Integer.parseInt(text);
    }
}
