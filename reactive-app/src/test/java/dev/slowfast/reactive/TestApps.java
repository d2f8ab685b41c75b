package dev.slowfast.reactive;

import dev.slowfast.contract.RunningApp;
import dev.slowfast.reactive.config.AppConfig;
import java.net.URI;
import java.util.Map;

/** Starts reactive-app in-process on a free port, the way the contract suites want it. */
final class TestApps {

    private TestApps() {
    }

    static RunningApp start(String databaseUrl) {
        ReactiveApp app = ReactiveApp.start(AppConfig.fromEnvironment(Map.of("PORT", "0", "DATABASE_URL", databaseUrl)));
        return RunningApp.of(URI.create("http://127.0.0.1:" + app.port()), app);
    }
}
