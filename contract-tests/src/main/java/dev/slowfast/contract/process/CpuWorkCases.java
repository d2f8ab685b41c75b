package dev.slowfast.contract.process;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slowfast.contract.ApiClient;
import dev.slowfast.contract.ApiResponse;
import dev.slowfast.contract.RawHttp.Burst;
import dev.slowfast.contract.RawHttp.Connection;
import dev.slowfast.contract.RawHttp.Exchange;
import dev.slowfast.contract.RawHttp.Request;
import dev.slowfast.testkit.AppProcess;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code /cpu} under load: CPU work is bounded, never starves {@code /health} or {@code /fast},
 * and work whose client has gone before it starts is dropped instead of computed for nobody.
 */
public abstract class CpuWorkCases extends ProcessCases {

    /** The largest prime below 10^15, the top of /cpu's range: the longest trial division there is. */
    private static final long LARGE_PRIME = 999_999_999_999_989L;
    private static final Request LARGE_PRIME_CPU = Request.get("/cpu?n=" + LARGE_PRIME);
    private static final long HEALTH_LIMIT_MS = 500;
    private static final long FAST_LIMIT_MS = 1000;

    /**
     * With 100 {@code /cpu} requests for a large prime in flight (each on its own connection),
     * {@code /health} answers within 500 ms and {@code /fast} within 1 s, each asked on a new
     * connection, the way an orchestrator and a new user would; then every {@code /cpu} gets its
     * right answer.
     */
    @Test
    void aHundredLargePrimeCpuRequestsInFlightNeverStarveHealthOrFast() throws Exception {
        assertTrue(BigInteger.valueOf(LARGE_PRIME).isProbablePrime(100), "the oracle: " + LARGE_PRIME + " is prime");
        AppProcess app = apps().start();
        long single = singleCpuMillis(app);
        int inFlight = 100;

        List<String> slow = new ArrayList<>();
        List<String> probes = new ArrayList<>();
        List<Exchange> cpu;
        try (Burst burst = Burst.open(app.baseUri(), inFlight)) {
            Thread.sleep(300);
            burst.send(LARGE_PRIME_CPU);
            Thread.sleep(300);
            for (int probe = 0; probe < 5; probe++) {
                int outstanding = inFlight - burst.finished();
                Exchange health = onNewConnection(app, Request.get("/health"));
                Exchange fast = onNewConnection(app, Request.get("/fast"));
                int stillOutstanding = inFlight - burst.finished();
                probes.add(health.millis() + "/" + fast.millis() + " ms with " + outstanding + "→" + stillOutstanding
                        + " /cpu in flight");
                if (stillOutstanding == 0) {
                    slow.add("the /cpu work was over before probe " + probe + " ended: nothing was measured under load");
                }
                if (!health.answered() || health.contractBreak() != null || health.response().status() != 200
                        || !"UP".equals(health.response().json().path("status").asText())
                        || health.millis() > HEALTH_LIMIT_MS) {
                    slow.add("/health within " + HEALTH_LIMIT_MS + " ms: " + health.describe());
                }
                if (!fast.answered() || fast.contractBreak() != null || fast.response().status() != 200
                        || fast.millis() > FAST_LIMIT_MS) {
                    slow.add("/fast within " + FAST_LIMIT_MS + " ms: " + fast.describe());
                }
                Thread.sleep(150);
            }
            int cores = Runtime.getRuntime().availableProcessors();
            cpu = burst.await(Duration.ofMillis(3 * single * inFlight / cores + 30_000));
        }
        String figures = "one /cpu alone " + single + " ms; /health//fast probes: " + probes;
        System.out.println("[" + getClass().getName() + "] 100 /cpu in flight: " + figures);
        List<String> wrongAnswers = cpu.stream().filter(e -> !isPrimeAnswer(e)).map(Exchange::describe).toList();

        assertTrue(slow.isEmpty(), () -> "with 100 large-prime /cpu in flight: " + figures + lines(slow));
        assertTrue(wrongAnswers.isEmpty(), () -> "every /cpu in flight gets 200 {\"n\":" + LARGE_PRIME
                + ",\"prime\":true}:" + lines(wrongAnswers));
    }

    /**
     * 200 {@code /cpu} requests for a large prime whose clients vanish (connection reset) right
     * after sending: a new {@code /cpu} is then answered within a bound computed from one /cpu's
     * measured time and the core count (what may already be running, then its own work, doubled
     * for a busy machine), far below the time the abandoned backlog would take.
     */
    @Test
    void cpuWorkWhoseClientHasGoneBeforeItStartsIsDropped() throws Exception {
        AppProcess app = apps().start();
        long single = singleCpuMillis(app);
        int cores = Runtime.getRuntime().availableProcessors();
        int abandoned = 200;
        // At most `cores` abandoned ones may have started: they finish within one /cpu time, in parallel; then ours.
        long bound = 2 * (single + single) + 1_000;
        long backlog = abandoned * single / cores;

        try (Burst burst = Burst.open(app.baseUri(), abandoned)) {
            Thread.sleep(300);
            burst.send(LARGE_PRIME_CPU);
            Thread.sleep(200); // the server has read them
            burst.abortAll();
        }
        Thread.sleep(100);
        Exchange after = onNewConnection(app, LARGE_PRIME_CPU, Duration.ofMillis(backlog * 3 + 30_000));
        String figures = "one /cpu alone " + single + " ms, " + cores + " cores: bound 2 x (" + single + " + " + single
                + ") + 1000 = " + bound + " ms; the abandoned backlog would take ~" + abandoned + " x " + single + " / "
                + cores + " = " + backlog + " ms; the new /cpu took " + after.millis() + " ms";
        System.out.println("[" + getClass().getName() + "] abandoned /cpu: " + figures);

        assertTrue(backlog > 2 * bound, () -> "the test can tell dropped from computed work: " + figures);
        assertTrue(isPrimeAnswer(after), () -> "the new /cpu is answered: " + after.describe());
        assertTrue(after.millis() <= bound, () -> "the new /cpu waited for work whose clients had gone: " + figures
                + "\n" + app.output());
    }

    /** The median of three /cpu for the large prime alone, after one to warm up, in ms (at least 1). */
    private static long singleCpuMillis(AppProcess app) throws IOException {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Exchange alone = onNewConnection(app, LARGE_PRIME_CPU);
            assertTrue(isPrimeAnswer(alone), alone::describe);
            if (i > 0) {
                times.add(alone.millis());
            }
        }
        return Math.max(1, percentile(times, 50));
    }

    private static boolean isPrimeAnswer(Exchange exchange) {
        if (!exchange.answered() || exchange.contractBreak() != null) {
            return false;
        }
        ApiResponse response = exchange.response();
        return response.status() == 200 && ApiClient.JSON.equals(response.mediaType())
                && response.json().path("n").asLong() == LARGE_PRIME && response.json().path("prime").asBoolean(false);
    }

    private static Exchange onNewConnection(AppProcess app, Request request) throws IOException {
        return onNewConnection(app, request, Duration.ofSeconds(30));
    }

    /** Connects, sends, reads: the time covers the connection too, as a new client sees it. */
    private static Exchange onNewConnection(AppProcess app, Request request, Duration limit) throws IOException {
        long started = System.nanoTime();
        try (Connection connection = Connection.open(app.baseUri())) {
            Exchange exchange = connection.exchange(request, limit);
            return new Exchange(exchange.request(), exchange.ending(), exchange.response(), exchange.contractBreak(),
                    exchange.received(), exchange.how(), started, exchange.endedNanos());
        }
    }
}
