package dev.slowfast.loadtest.run;

import dev.slowfast.testkit.AppProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The downstream service of one run (downstream/target/downstream.jar), started through test-kit's
 * launcher on a free port and pinned with the load generator: it is load, like Gatling, and must not
 * take the app's core. Ready once {@code GET /health} answers; {@link #stats()} is what it counted.
 */
final class DownstreamService implements AutoCloseable {

    static final String BUILD = "./mvnw -pl downstream -am package -DskipTests";
    private static final Duration START_LIMIT = Duration.ofSeconds(60);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final int STATS_CHARS = 600;

    private final AppProcess process;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();

    private DownstreamService(AppProcess process) {
        this.process = process;
    }

    static DownstreamService start(Path jar, String cpus, List<String> jvmOptions, Path log)
            throws IOException, InterruptedException {
        return new DownstreamService(AppProcess.launcher(jar)
                .commandPrefix(Launch.prefix(cpus))
                .jvmOptions(jvmOptions)
                .log(log)
                .stopGrace(STOP_GRACE)
                .start()
                .awaitHealthy(START_LIMIT));
    }

    URI baseUri() {
        return process.baseUri();
    }

    long pid() {
        return process.pid();
    }

    /** Its {@code GET /stats} body (what it received, completed and saw cancelled), or why there is none. */
    String stats() {
        try {
            HttpResponse<String> response = get("/stats");
            String body = response.body().strip();
            body = body.length() > STATS_CHARS ? body.substring(0, STATS_CHARS) + "…" : body;
            return response.statusCode() == 200 ? body : "GET /stats answered " + response.statusCode() + ": " + body;
        } catch (IOException e) {
            return "GET /stats failed: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "GET /stats interrupted";
        }
    }

    /** Zeroes downstream's counters (POST /reset), so /stats counts the measured run and not the warm-up; false if refused. */
    boolean reset() {
        try {
            var request = HttpRequest.newBuilder(process.baseUri().resolve("/reset")).timeout(Duration.ofSeconds(5))
                    .POST(HttpRequest.BodyPublishers.noBody()).build();
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() / 100 == 2;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    String stopDescription() {
        return process.stopDescription();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(process.baseUri().resolve(path)).timeout(Duration.ofSeconds(5)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.close();
    }
}
