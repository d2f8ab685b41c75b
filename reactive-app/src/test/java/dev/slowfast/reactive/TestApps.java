package dev.slowfast.reactive;

import dev.slowfast.contract.RunningApp;
import dev.slowfast.rules.Environment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
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

    /** Pointed at a port where no database listens, for tests that need none. */
    static RunningApp startWithoutDatabase(Map<String, String> env) {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort(); // free now, and nothing will listen on it
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return start("postgresql://postgres@127.0.0.1:" + closedPort + "/nowhere", env);
    }

    /** With extra environment variables, e.g. a short HEADER_TIMEOUT_MS. */
    static RunningApp start(String databaseUrl, Map<String, String> env) {
        Map<String, String> all = new HashMap<>(env);
        all.put("PORT", "0");
        all.put("DATABASE_URL", databaseUrl);
        ReactiveApp app = ReactiveApp.start(Config.from(new Environment(all)));
        return RunningApp.of(URI.create("http://127.0.0.1:" + app.port()), app);
    }
}
