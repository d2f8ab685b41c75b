package dev.slowfast.blocking;

import dev.slowfast.contract.PipeliningContract;
import java.nio.file.Path;
import java.util.Map;

/** Pipelined requests answered in order, and a client that stops reading slowed down, a virtual thread per request. */
class BlockingVirtualPipeliningProcessContractTest extends PipeliningContract {

    @Override
    protected Path jar() {
        return Path.of("target/blocking-app.jar");
    }

    @Override
    protected Map<String, String> environment() {
        return Map.of("THREAD_MODEL", "virtual");
    }
}
