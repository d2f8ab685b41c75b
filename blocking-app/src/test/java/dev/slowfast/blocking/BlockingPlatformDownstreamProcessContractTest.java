package dev.slowfast.blocking;

import dev.slowfast.contract.DownstreamContract;
import java.nio.file.Path;
import java.util.Map;

/** /slow/http, /fanout and /chain against the real downstream service, on platform threads. */
class BlockingPlatformDownstreamProcessContractTest extends DownstreamContract {

    @Override
    protected Path jar() {
        return Path.of("target/blocking-app.jar");
    }

    @Override
    protected Map<String, String> environment() {
        return Map.of("THREAD_MODEL", "platform");
    }
}
