package dev.slowfast.reactive;

import dev.slowfast.contract.MetricsContract;
import java.nio.file.Path;
import java.util.List;

/** GET /metrics on the real jar: names, labels, and that they move with what the app did. */
class ReactiveAppMetricsProcessContractTest extends MetricsContract {

    @Override
    protected Path jar() {
        return Path.of("target/reactive-app.jar");
    }

    /** An event loop's pressure shows as how late a task scheduled on it runs. */
    @Override
    protected List<String> pressureMetrics() {
        return List.of("slowfast_event_loop_delay_seconds_bucket", "slowfast_event_loop_delay_seconds_count");
    }
}
