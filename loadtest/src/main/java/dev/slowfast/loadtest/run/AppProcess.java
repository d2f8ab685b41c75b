package dev.slowfast.loadtest.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One app started from its fat jar as its own JVM, and stopped the way an orchestrator would: SIGTERM. */
final class AppProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

    private final Process process;
    private final int port;
    private final Path log;
    private Integer exitCode;
    private boolean stoppedGracefully;

    private AppProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static AppProcess start(Path jar, List<String> jvmOptions, Map<String, String> environment, String cpus,
                            Path log) throws IOException {
        int port = freePort();
        var arguments = new ArrayList<>(jvmOptions);
        arguments.addAll(List.of("-jar", jar.toString()));
        var builder = new ProcessBuilder(Launch.command(cpus, Launch.currentJava(), arguments))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // only what we set: a DATABASE_URL or PORT in the launcher's own environment must not leak in
        builder.environment().keySet().removeAll(List.of("PORT", "DATABASE_URL", "DB_POOL_SIZE",
                "THREAD_MODEL", "WORKER_THREADS", "EVENT_LOOPS"));
        builder.environment().putAll(environment);
        builder.environment().put("PORT", String.valueOf(port));
        Files.createDirectories(log.getParent());
        return new AppProcess(builder.start(), port, log);
    }

    long pid() {
        return process.pid();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Polls GET /health until it answers 200; fails early with the app's log if the JVM dies. */
    void awaitHealthy(HttpClient client) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        var request = HttpRequest.newBuilder(URI.create(baseUrl() + "/health")).timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the app exited with status " + process.exitValue()
                        + " before answering /health; last lines of " + log + ":\n" + tail(log));
            }
            try {
                if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the app did not answer /health within " + START_TIMEOUT.toSeconds()
                + " s; last lines of " + log + ":\n" + tail(log));
    }

    /** SIGTERM, then a grace period, then SIGKILL. */
    @Override
    public void close() throws InterruptedException {
        if (exitCode != null) {
            return;
        }
        process.destroy();
        stoppedGracefully = process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (!stoppedGracefully) {
            process.destroyForcibly().waitFor();
        }
        exitCode = process.exitValue();
    }

    String stopDescription() {
        if (exitCode == null) {
            return "running";
        }
        return stoppedGracefully
                ? "stopped by SIGTERM, exit status " + exitCode
                : "did not stop within " + STOP_TIMEOUT.toSeconds() + " s of SIGTERM; killed";
    }

    static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
