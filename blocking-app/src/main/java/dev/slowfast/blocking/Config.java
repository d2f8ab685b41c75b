package dev.slowfast.blocking;

import dev.slowfast.blocking.jetty.ThreadModel;
import dev.slowfast.rules.Environment;
import dev.slowfast.rules.ServerSettings;

/**
 * What blocking-app reads from its environment: the variables every app reads, plus its own.
 *
 * @param threadModel   {@code THREAD_MODEL}: {@code platform} (default) or {@code virtual}
 * @param workerThreads {@code WORKER_THREADS}: platform model only, how many requests run at once
 */
public record Config(ServerSettings server, ThreadModel threadModel, int workerThreads) {

    public static final int DEFAULT_PORT = 8081;

    public static Config from(Environment env) {
        return new Config(ServerSettings.read(env, DEFAULT_PORT),
                env.choice("THREAD_MODEL", ThreadModel.class, ThreadModel.PLATFORM),
                env.integer("WORKER_THREADS", 200, 1, 10_000));
    }
}
