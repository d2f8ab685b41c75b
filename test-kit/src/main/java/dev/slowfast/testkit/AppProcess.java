package dev.slowfast.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An app's jar running as its own process, the way users run it ({@code java -jar}), so callers can
 * send it real signals and read its exit status. Its output goes to a log file.
 *
 * <pre>{@code
 * try (AppProcess app = AppProcess.start(Path.of("target/async-app.jar"), Map.of("DATABASE_URL", url))) {
 *     HttpClient.newHttpClient().send(HttpRequest.newBuilder(app.baseUri().resolve("/fast")).build(), ...);
 *     app.terminate();
 *     int status = app.awaitExit(Duration.ofSeconds(20));
 * }
 * }</pre>
 */
public final class AppProcess implements AutoCloseable {

    /** How long {@link #start(Path, Map)} waits for {@code /health}. */
    public static final Duration STARTUP_LIMIT = Duration.ofSeconds(60);
    private static final int OUTPUT_CHARS = 4000;

    private final Process process;
    private final int port;
    private final Path log;
    private final boolean ownLog;
    private final Duration stopGrace;
    private String stopDescription = "running";

    AppProcess(Process process, int port, Path log, boolean ownLog, Duration stopGrace) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.ownLog = ownLog;
        this.stopGrace = stopGrace;
    }

    /** Everything a launch can say: environment, JVM options, a command prefix, the log file. */
    public static AppLauncher launcher(Path jar) {
        return new AppLauncher(jar);
    }

    /** {@code java -jar jar} with {@code env} and a free {@code PORT}, once it answers {@code /health}. */
    public static AppProcess start(Path jar, Map<String, String> env) throws IOException, InterruptedException {
        return launcher(jar).env(env).start().awaitHealthy(STARTUP_LIMIT);
    }

    /**
     * Polls {@code GET /health} until it answers 200. If the process exits first or {@code limit}
     * passes, it is killed and this throws {@link IllegalStateException} with the end of its output.
     */
    public AppProcess awaitHealthy(Duration limit) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        var request = HttpRequest.newBuilder(baseUri().resolve("/health")).timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The app exited with status " + process.exitValue()
                        + " before answering /health; its output (" + log + "):\n" + output());
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        process.destroyForcibly().waitFor();
        throw new IllegalStateException("The app did not answer /health within " + limit.toSeconds()
                + " s; its output (" + log + "):\n" + output());
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM, as an orchestrator or Ctrl-C would send it; returns at once. */
    public void terminate() {
        process.destroy();
    }

    /** Waits for the process to exit by itself; its exit status, or -1 if it is still alive after {@code limit}. */
    public int awaitExit(Duration limit) throws InterruptedException {
        return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    /** SIGTERM, up to {@code grace} to exit, then SIGKILL; returns the exit status. */
    public int stop(Duration grace) throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            boolean graceful = process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
            if (!graceful) {
                process.destroyForcibly().waitFor();
            }
            stopDescription = graceful
                    ? "stopped by SIGTERM, exit status " + process.exitValue()
                    : "did not stop within " + grace.toSeconds() + " s of SIGTERM; killed";
        } else if (stopDescription.equals("running")) {
            stopDescription = "exited by itself with status " + process.exitValue();
        }
        return process.exitValue();
    }

    /** "running", "stopped by SIGTERM, exit status 143", "did not stop within 20 s of SIGTERM; killed", ... */
    public String stopDescription() {
        return stopDescription;
    }

    /** The last 4,000 characters of the app's output so far, for failure messages. */
    public String output() {
        try {
            String text = Files.readString(log);
            return text.length() > OUTPUT_CHARS ? "..." + text.substring(text.length() - OUTPUT_CHARS) : text;
        } catch (IOException | UncheckedIOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    /** The last {@code lines} lines of a log file, or why there are none. */
    public static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** {@link #stop(Duration)} with the launcher's stop grace (default: kill at once); deletes a temp log. */
    @Override
    public void close() throws IOException, InterruptedException {
        stop(stopGrace);
        if (ownLog) {
            Files.deleteIfExists(log);
        }
    }
}
