package dev.slowfast.contract;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An app's jar running as its own process, the way users run it ({@code java -jar}), so tests can
 * send it real signals. Its output goes to a log file next to the jar's module.
 */
public final class AppProcess implements AutoCloseable {

    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(60);

    private final Process process;
    private final URI baseUri;
    private final Path log;

    private AppProcess(Process process, URI baseUri, Path log) {
        this.process = process;
        this.baseUri = baseUri;
        this.log = log;
    }

    /** Starts {@code java -jar jar} with {@code env} (plus a free {@code PORT}) and waits for {@code /health}. */
    public static AppProcess start(Path jar, Map<String, String> env) throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " does not exist: build it first (./mvnw package)");
        }
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.add("-Xmx256m");
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        Path log = Files.createTempFile(jar.toAbsolutePath().getParent(), "app-process-", ".log");
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> environment = new HashMap<>(env);
        environment.put("PORT", String.valueOf(port));
        builder.environment().putAll(environment);
        var app = new AppProcess(builder.start(), URI.create("http://127.0.0.1:" + port), log);
        app.awaitHealthy();
        return app;
    }

    public URI baseUri() {
        return baseUri;
    }

    public long pid() {
        return process.pid();
    }

    /** SIGTERM, as an orchestrator or Ctrl-C would send it. */
    public void terminate() {
        process.destroy(); // SIGTERM on Unix
    }

    /** Waits for the process to exit by itself; returns its exit status, or -1 if it is still alive after {@code limit}. */
    public int awaitExit(Duration limit) throws InterruptedException {
        return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The app's output so far, for failure messages. */
    public String output() {
        try {
            String text = Files.readString(log);
            return text.length() > 4000 ? "..." + text.substring(text.length() - 4000) : text;
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws IOException {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
        Files.deleteIfExists(log);
    }

    private void awaitHealthy() throws InterruptedException, IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + STARTUP_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The app exited with " + process.exitValue() + " while starting:\n" + output());
            }
            try {
                var response = http.send(HttpRequest.newBuilder(baseUri.resolve("/health")).timeout(Duration.ofSeconds(1)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        close();
        throw new IllegalStateException("The app did not answer /health within " + STARTUP_LIMIT + ":\n" + output());
    }

    private static String javaExecutable() {
        // The JVM running the tests: the JDK 21+ the build selected, not whatever `java` is on the PATH.
        return ProcessHandle.current().info().command().orElse("java");
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
