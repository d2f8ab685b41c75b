package dev.slowfast.async;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether the app is shutting down. Flipped first thing on shutdown, before any listener closes,
 * so {@code /ready} tells load balancers to stop sending traffic while in-flight requests finish.
 * Shared by all verticle instances.
 */
final class Lifecycle {

    private final AtomicBoolean shuttingDown = new AtomicBoolean();

    void beginShutdown() {
        shuttingDown.set(true);
    }

    boolean shuttingDown() {
        return shuttingDown.get();
    }
}
