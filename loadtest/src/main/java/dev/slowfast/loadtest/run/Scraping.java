package dev.slowfast.loadtest.run;

import dev.slowfast.loadtest.metrics.MetricsScraper;
import dev.slowfast.loadtest.metrics.MetricsScraper.Scrape;
import java.util.List;

/**
 * Whether and how one run scrapes the app's /metrics: not where the workload turns metrics off
 * (the scrape would be a 404 and a cost the measurement is meant to leave out), not where a first
 * scrape before the run fails (an external server without /metrics), else about once a second.
 */
final class Scraping implements AutoCloseable {

    private final MetricsScraper scraper;
    private final String notScraped;

    private Scraping(MetricsScraper scraper, String notScraped) {
        this.scraper = scraper;
        this.notScraped = notScraped;
    }

    static Scraping start(String baseUrl, Workload workload) {
        if (!workload.scrapesMetrics()) {
            return new Scraping(null, "not scraped: this workload runs the app with " + workload.environment());
        }
        MetricsScraper scraper = new MetricsScraper(baseUrl);
        Scrape probe = scraper.scrapeOnce();
        if (probe.snapshot() == null) {
            closeQuietly(scraper);
            return new Scraping(null, "not scraped: GET /metrics before the run failed (" + probe.failure() + ")");
        }
        return new Scraping(scraper.start(), null);
    }

    List<Scrape> scrapes() {
        return scraper == null ? List.of() : scraper.scrapes();
    }

    String description() {
        if (scraper == null) {
            return notScraped;
        }
        List<Scrape> all = scraper.scrapes();
        long failed = all.stream().filter(s -> s.snapshot() == null).count();
        return "GET /metrics every " + MetricsScraper.PERIOD.toSeconds() + " s: " + all.size() + " scrapes, " + failed
                + " failed (timeout " + MetricsScraper.TIMEOUT.toSeconds() + " s)";
    }

    @Override
    public void close() throws InterruptedException {
        if (scraper != null) {
            scraper.close();
        }
    }

    private static void closeQuietly(MetricsScraper scraper) {
        try {
            scraper.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
