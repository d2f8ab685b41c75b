package dev.slowfast.loadtest.run;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Lets the JIT compile the request path before anything is measured: a few concurrent clients send
 * the workload's requests, with near-zero delays, for a few seconds.
 */
final class Warmup {

    private static final int CLIENTS = 8;

    record Result(long requests, long failures) {
    }

    private Warmup() {
    }

    static Result run(HttpClient client, String baseUrl, List<String> paths, Duration duration) throws InterruptedException {
        var requests = new AtomicLong();
        var failures = new AtomicLong();
        long deadline = System.nanoTime() + duration.toNanos();
        var clients = new ArrayList<Thread>();
        for (int c = 0; c < CLIENTS; c++) {
            int offset = c;
            clients.add(Thread.ofVirtual().start(() -> {
                for (int i = offset; System.nanoTime() < deadline; i++) {
                    var request = HttpRequest.newBuilder(URI.create(baseUrl + paths.get(i % paths.size())))
                            .timeout(Duration.ofSeconds(10)).build();
                    try {
                        int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        requests.incrementAndGet();
                        if (status >= 400) {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                }
            }));
        }
        for (Thread thread : clients) {
            thread.join();
        }
        return new Result(requests.get(), failures.get());
    }
}
