package dev.slowfast.blocking;

import dev.slowfast.contract.MetricsContract;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** GET /metrics against the fat jar, on platform worker threads. */
class BlockingPlatformMetricsProcessContractTest extends MetricsContract {

    @Override
    protected Path jar() {
        return Path.of("target/blocking-app.jar");
    }

    @Override
    protected Map<String, String> environment() {
        return Map.of("THREAD_MODEL", "platform");
    }

    @Override
    protected List<String> pressureMetrics() {
        return List.of("slowfast_requests_waiting_for_thread", "jvm_threads_virtual_pinned_seconds_count");
    }
}
