package dev.slowfast.testkit;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How to start one app jar: {@code [prefix...] java [jvmOptions...] -jar jar}, with a free {@code PORT}
 * and only the app variables set here (none leak in from the caller's environment). Get one from
 * {@link AppProcess#launcher(Path)}; {@link #start()} returns at once, without waiting for the app.
 */
public final class AppLauncher {

    /** The variables the apps read (docs/contract.md): never inherited, only what a launcher sets. */
    public static final List<String> APP_VARIABLES = List.of("PORT", "DATABASE_URL", "DB_POOL_SIZE",
            "SHUTDOWN_GRACE_MS", "MAX_IN_FLIGHT", "DB_ACQUIRE_TIMEOUT_MS", "HEADER_TIMEOUT_MS", "THREAD_MODEL",
            "WORKER_THREADS", "EVENT_LOOPS", "DOWNSTREAM_URL", "DOWNSTREAM_POOL_SIZE", "DOWNSTREAM_TIMEOUT_MS");

    private final Path jar;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final List<String> jvmOptions = new ArrayList<>(List.of("-Xmx256m"));
    private final List<String> prefix = new ArrayList<>();
    private Path log;
    private Duration stopGrace = Duration.ZERO;

    AppLauncher(Path jar) {
        this.jar = jar.toAbsolutePath();
    }

    /** One environment variable; set {@code PORT} here to override the free port. */
    public AppLauncher env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    public AppLauncher env(Map<String, String> variables) {
        environment.putAll(variables);
        return this;
    }

    /** JVM options instead of the default {@code -Xmx256m}. */
    public AppLauncher jvmOptions(List<String> options) {
        jvmOptions.clear();
        jvmOptions.addAll(options);
        return this;
    }

    /** Words before {@code java}, e.g. {@code taskset -c 2,3} or a shell that raises {@code ulimit -n} and execs. */
    public AppLauncher commandPrefix(List<String> words) {
        prefix.clear();
        prefix.addAll(words);
        return this;
    }

    /** Where the app's stdout and stderr go, kept after close; default: a temp file next to the jar, deleted on close. */
    public AppLauncher log(Path file) {
        this.log = file;
        return this;
    }

    /** What {@link AppProcess#close()} allows after SIGTERM before SIGKILL; default zero: kill at once. */
    public AppLauncher stopGrace(Duration grace) {
        this.stopGrace = grace;
        return this;
    }

    /** Starts the process and returns at once; see {@link AppProcess#awaitHealthy(Duration)}. */
    public AppProcess start() throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist: build it first (./mvnw -pl <app> package)");
        }
        boolean ownLog = log == null;
        Path output = ownLog ? Files.createTempFile(jar.getParent(), "app-process-", ".log") : log;
        if (output.getParent() != null) {
            Files.createDirectories(output.getParent());
        }
        int port = environment.containsKey("PORT") ? portOrZero(environment.get("PORT")) : freePort();
        var builder = new ProcessBuilder(command()).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment(System.getenv(), port));
        return new AppProcess(builder.start(), port, output, ownLog, stopGrace);
    }

    /** The command line {@link #start()} runs. */
    List<String> command() {
        List<String> command = new ArrayList<>(prefix);
        command.add(currentJava());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }

    /** {@code inherited} without the app variables, plus what was set here, plus {@code PORT} unless set here. */
    Map<String, String> environment(Map<String, String> inherited, int port) {
        Map<String, String> result = new HashMap<>(inherited);
        APP_VARIABLES.forEach(result::remove);
        result.put("PORT", String.valueOf(port));
        result.putAll(environment);
        return result;
    }

    /** The JVM running the caller: the JDK 21+ the build selected, not whatever {@code java} is on the PATH. */
    public static String currentJava() {
        if (Runtime.version().feature() < 21) {
            throw new IllegalStateException("The apps need Java 21+, this JVM is " + Runtime.version());
        }
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** A port nothing listens on right now. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static int portOrZero(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException notAPort) {
            return 0; // a test of bad configuration: the app is expected to refuse it
        }
    }
}
