package dev.slowfast.reactive;

import dev.slowfast.contract.AppProcessContract;
import java.nio.file.Path;
import java.util.List;

/** The stress promises on the real jar: SIGTERM, shedding, pool and outage waits, slow headers. */
class ReactiveAppProcessContractTest extends AppProcessContract {

    @Override
    protected Path jar() {
        return Path.of("target/reactive-app.jar");
    }

    /** Pressure on Reactor Netty's event loops: how late the probe runs. */
    @Override
    protected List<String> pressureMetrics() {
        return List.of("slowfast_event_loop_delay_seconds_bucket", "slowfast_event_loop_delay_seconds_count");
    }
}
