package dev.slowfast.async;

import dev.slowfast.rules.Environment;
import dev.slowfast.rules.ServerSettings;

/**
 * async-app's configuration: the variables every app reads (the kernel's {@link ServerSettings})
 * plus {@code EVENT_LOOPS}, the event-loop threads, each running one {@link ApiVerticle}.
 * Printing it is safe: the kernel's DatabaseUrl leaves the password out of its toString.
 */
public record Config(ServerSettings server, int eventLoops) {

    public static final int DEFAULT_PORT = 8082;
    public static final int MAX_EVENT_LOOPS = 1_024;

    public static Config from(Environment env) {
        return new Config(ServerSettings.read(env, DEFAULT_PORT),
                env.integer("EVENT_LOOPS", Runtime.getRuntime().availableProcessors(), 1, MAX_EVENT_LOOPS));
    }
}
