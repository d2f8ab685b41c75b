package dev.slowfast.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slowfast.testkit.AppProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * The downstream service (module {@code downstream}) running as its own process, and the window the
 * suite looks through: {@code GET /stats} tells what an app really did on the wire (calls received,
 * completed, cancelled by the caller, connections held), which is the oracle of the downstream cases,
 * independent of what the app says about itself.
 */
public final class DownstreamProcess implements AutoCloseable {

    /** Where the jar is looked for unless {@code -Dslowfast.downstream.jar} says otherwise (relative to an app's module). */
    static final Path DEFAULT_JAR = Path.of("../downstream/target/downstream.jar");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AppProcess process;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();

    private DownstreamProcess(AppProcess process) {
        this.process = process;
    }

    /** The jar this suite runs; fails, saying how to build it, when it is not there. */
    public static Path jar() {
        Path jar = Path.of(System.getProperty("slowfast.downstream.jar", DEFAULT_JAR.toString()));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The downstream cases need the downstream service's jar at "
                    + jar.toAbsolutePath().normalize() + ": build it with ./mvnw -pl downstream package -DskipTests"
                    + " (./mvnw verify builds it before the apps), or point -Dslowfast.downstream.jar at it");
        }
        return jar;
    }

    /** Downstream on a free port, once it answers {@code /health}. */
    public static DownstreamProcess start() throws IOException, InterruptedException {
        return new DownstreamProcess(AppProcess.launcher(jar()).jvmOptions(java.util.List.of("-Xmx128m"))
                .start().awaitHealthy(AppProcess.STARTUP_LIMIT));
    }

    /** Downstream on {@code port} (a service coming back where it was), once it answers {@code /health}. */
    public static DownstreamProcess startOn(int port) throws IOException, InterruptedException {
        return new DownstreamProcess(AppProcess.launcher(jar()).jvmOptions(java.util.List.of("-Xmx128m"))
                .env("PORT", String.valueOf(port)).start().awaitHealthy(AppProcess.STARTUP_LIMIT));
    }

    /** {@code http://127.0.0.1:<port>}: what an app's {@code DOWNSTREAM_URL} is set to. */
    public URI baseUri() {
        return process.baseUri();
    }

    public int port() {
        return process.port();
    }

    /** What it counted since the last reset (see downstream/README.md, "The counters"). */
    public Stats stats() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(baseUri().resolve("/stats")).GET());
        if (response.statusCode() != 200) {
            throw new AssertionError("downstream's GET /stats answered " + response.statusCode() + ": " + response.body());
        }
        try {
            return new Stats(JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new AssertionError("downstream's /stats is not JSON: " + response.body(), e);
        }
    }

    /** Counters to zero and faults off ({@code POST /reset}). */
    public void reset() {
        expect204(send(HttpRequest.newBuilder(baseUri().resolve("/reset")).POST(HttpRequest.BodyPublishers.noBody())));
    }

    /** From now on every {@code failEvery}-th call answers {@code status} at once ({@code POST /faults}). */
    public void failEvery(int failEvery, int status) {
        expect204(send(HttpRequest.newBuilder(baseUri().resolve("/faults?failEvery=" + failEvery + "&status=" + status))
                .POST(HttpRequest.BodyPublishers.noBody())));
    }

    /** Polls {@code /stats} until {@code condition} holds or {@code limit} passes; the last stats either way. */
    public Stats awaitStats(Predicate<Stats> condition, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        Stats stats = stats();
        while (!condition.test(stats) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            stats = stats();
        }
        return stats;
    }

    /** Polls until nothing is in flight: what a case waits for before it resets the counters. */
    public Stats awaitIdle(Duration limit) throws InterruptedException {
        return awaitStats(stats -> stats.inFlight() == 0, limit);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.close();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("downstream (" + baseUri() + ") did not answer; its output:\n"
                    + process.output(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking downstream", e);
        }
    }

    private static void expect204(HttpResponse<String> response) {
        if (response.statusCode() != 204) {
            throw new AssertionError("downstream answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** One {@code GET /stats} answer. */
    public record Stats(JsonNode json) {

        public long received() {
            return field("received");
        }

        public long inFlight() {
            return field("inFlight");
        }

        public long completed() {
            return field("completed");
        }

        public long cancelled() {
            return field("cancelled");
        }

        public long failed() {
            return field("failed");
        }

        /** Connections open now that have carried a call: what the app's pool holds. */
        public long connections() {
            return field("connections");
        }

        public long peakInFlight() {
            return field("peakInFlight");
        }

        public long peakConnections() {
            return field("peakConnections");
        }

        private long field(String name) {
            JsonNode value = json.path(name);
            if (!value.canConvertToLong()) {
                throw new AssertionError("downstream's /stats has no number '" + name + "': " + json);
            }
            return value.asLong();
        }

        @Override
        public String toString() {
            return json.toString();
        }
    }
}
