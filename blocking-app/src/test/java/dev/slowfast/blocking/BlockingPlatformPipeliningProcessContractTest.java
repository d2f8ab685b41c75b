package dev.slowfast.blocking;

import dev.slowfast.contract.PipeliningContract;
import java.nio.file.Path;
import java.util.Map;

/** Pipelined requests answered in order, and a client that stops reading slowed down, on platform worker threads. */
class BlockingPlatformPipeliningProcessContractTest extends PipeliningContract {

    @Override
    protected Path jar() {
        return Path.of("target/blocking-app.jar");
    }

    @Override
    protected Map<String, String> environment() {
        return Map.of("THREAD_MODEL", "platform");
    }
}
