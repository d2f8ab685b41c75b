package dev.slowfast.async;

import dev.slowfast.contract.MetricsContract;
import java.nio.file.Path;
import java.util.List;

/** {@code GET /metrics} against async-app's fat jar as its own process, a fresh one for each case. */
class AsyncAppMetricsProcessContractTest extends MetricsContract {

    @Override
    protected Path jar() {
        return Path.of("target/async-app.jar");
    }

    /** An event loop's limit shows as the delay of a task due on it every 100 ms. */
    @Override
    protected List<String> pressureMetrics() {
        return List.of("slowfast_event_loop_delay_seconds_bucket", "slowfast_event_loop_delay_seconds_count");
    }
}
