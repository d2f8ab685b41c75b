package dev.slowfast.loadtest.metrics;

import dev.slowfast.testkit.PrometheusText;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Scrapes the app's {@code GET /metrics} about once a second while a simulation runs, on a thread of
 * the launcher, and keeps what each scrape said (or why it failed). A failed scrape is kept as such and
 * never fails the run: an app past its limit may answer its scrape late or not at all, and that is a
 * finding too. One scrape at a time, so a slow scrape delays the next instead of piling up.
 */
public final class MetricsScraper implements AutoCloseable {

    public static final Duration PERIOD = Duration.ofSeconds(1);
    /** Longer than a healthy scrape by far; a blocked one is noted as failed. */
    public static final Duration TIMEOUT = Duration.ofSeconds(5);

    /** One attempt: a snapshot, or the reason there is none. */
    public record Scrape(long epochMs, MetricsSnapshot snapshot, String failure) {
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final HttpRequest request;
    private final List<Scrape> scrapes = new CopyOnWriteArrayList<>();
    private Thread thread;

    private final Duration timeout;

    public MetricsScraper(String baseUrl) {
        this(baseUrl, TIMEOUT);
    }

    MetricsScraper(String baseUrl, Duration timeout) {
        this.request = HttpRequest.newBuilder(URI.create(baseUrl).resolve("/metrics")).timeout(timeout).GET().build();
        this.timeout = timeout;
    }

    /** Starts scraping every {@link #PERIOD} until {@link #close()}. */
    public MetricsScraper start() {
        thread = Thread.ofPlatform().daemon().name("metrics-scraper").start(this::loop);
        return this;
    }

    private void loop() {
        while (!Thread.currentThread().isInterrupted()) {
            long started = System.currentTimeMillis();
            scrapes.add(scrapeOnce());
            long pause = PERIOD.toMillis() - (System.currentTimeMillis() - started);
            try {
                Thread.sleep(Math.max(pause, 0));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * One scrape now; a failure is described, never thrown. The deadline covers the whole exchange,
     * body included: a request timeout alone ends at the response head, and an app that sends its
     * head and then starves (a full heap) would hold the scraper for as long as it likes.
     */
    public Scrape scrapeOnce() {
        CompletableFuture<HttpResponse<String>> exchange = client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        try {
            HttpResponse<String> response = exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            long now = System.currentTimeMillis();
            if (response.statusCode() != 200) {
                return new Scrape(now, null, "status " + response.statusCode());
            }
            return new Scrape(now, MetricsSnapshot.of(now, PrometheusText.parse(response.body())), null);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            return new Scrape(System.currentTimeMillis(), null, "interrupted");
        } catch (TimeoutException e) {
            exchange.cancel(true);
            return new Scrape(System.currentTimeMillis(), null, "no complete answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new Scrape(System.currentTimeMillis(), null, cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
        } catch (RuntimeException e) {
            return new Scrape(System.currentTimeMillis(), null, e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    public List<Scrape> scrapes() {
        return new ArrayList<>(scrapes);
    }

    @Override
    public void close() throws InterruptedException {
        if (thread == null) {
            return;
        }
        thread.interrupt();
        thread.join(timeout.toMillis() + 1000);
    }
}
