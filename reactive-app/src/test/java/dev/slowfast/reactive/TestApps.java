package dev.slowfast.reactive;

import dev.slowfast.contract.RunningApp;
import dev.slowfast.reactive.config.AppConfig;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/** Starts reactive-app in-process on a free port, the way the contract suites want it. */
final class TestApps {

    private TestApps() {
    }

    static RunningApp start(String databaseUrl) {
        return start(databaseUrl, Map.of());
    }

    /** With extra environment variables, e.g. a short HEADER_TIMEOUT_MS. */
    static RunningApp start(String databaseUrl, Map<String, String> env) {
        Map<String, String> all = new HashMap<>(env);
        all.put("PORT", "0");
        all.put("DATABASE_URL", databaseUrl);
        ReactiveApp app = ReactiveApp.start(AppConfig.fromEnvironment(all));
        return RunningApp.of(URI.create("http://127.0.0.1:" + app.port()), app);
    }
}
