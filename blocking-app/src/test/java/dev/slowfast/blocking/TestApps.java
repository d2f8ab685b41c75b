package dev.slowfast.blocking;

import dev.slowfast.blocking.jetty.ThreadModel;
import dev.slowfast.contract.RunningApp;
import dev.slowfast.rules.Environment;
import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Starts the real app in-process on a free port, configured as its environment would. */
final class TestApps {

    private TestApps() {
    }

    static BlockingApp start(Map<String, String> env) {
        var withFreePort = new HashMap<>(env);
        withFreePort.put("PORT", "0");
        return BlockingApp.start(Config.from(new Environment(withFreePort)));
    }

    static RunningApp running(String databaseUrl, ThreadModel threadModel) {
        var app = start(Map.of("DATABASE_URL", databaseUrl, "THREAD_MODEL", threadModel.name().toLowerCase(Locale.ROOT)));
        return RunningApp.of(URI.create("http://127.0.0.1:" + app.port()), app);
    }
}
