package dev.slowfast.blocking;

import dev.slowfast.contract.AppProcessContract;
import java.nio.file.Path;
import java.util.Map;

/** Shutdown, shedding, bounded waits and slow clients against the fat jar, on platform worker threads. */
class BlockingPlatformProcessContractTest extends AppProcessContract {

    @Override
    protected Path jar() {
        return Path.of("target/blocking-app.jar");
    }

    @Override
    protected Map<String, String> environment() {
        return Map.of("THREAD_MODEL", "platform");
    }
}
