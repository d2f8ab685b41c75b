package dev.slowfast.async;

import dev.slowfast.contract.AppProcessContract;
import java.nio.file.Path;
import java.util.List;

/** The promises under stress against the real thing: async-app's fat jar as its own process, real signals. */
class AsyncAppProcessContractTest extends AppProcessContract {

    @Override
    protected Path jar() {
        return Path.of("target/async-app.jar");
    }

    /** Pressure on an event loop: how late its probe runs. */
    @Override
    protected List<String> pressureMetrics() {
        return List.of("slowfast_event_loop_delay_seconds_bucket", "slowfast_event_loop_delay_seconds_count");
    }
}
