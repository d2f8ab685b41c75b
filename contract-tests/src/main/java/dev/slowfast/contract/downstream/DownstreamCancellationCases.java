package dev.slowfast.contract.downstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slowfast.contract.ApiClient;
import dev.slowfast.contract.ApiResponse;
import dev.slowfast.contract.DownstreamProcess;
import dev.slowfast.contract.Problems;
import dev.slowfast.contract.ProcessSockets;
import dev.slowfast.contract.RawHttp;
import dev.slowfast.testkit.AppProcess;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A client that leaves cancels its calls; a thousand of them leave no connection or waiter behind;
 * a fan-out is one request against {@code MAX_IN_FLIGHT} and finishes on SIGTERM. (How each app
 * notices the client is its own: blocking-app watches the connections of blocked requests on a
 * selector of its own, the event-loop apps hear the close on their loop.)
 */
public abstract class DownstreamCancellationCases extends DownstreamCases {

    @Test
    void aClientLeavingAFanoutCancelsItsCalls() throws Exception {
        try (RawHttp.Connection client = RawHttp.Connection.open(apps().shared().baseUri())) {
            client.write(rawGet("/fanout?calls=10&ms=20000"));
            DownstreamProcess.Stats waiting = downstream().awaitStats(s -> s.inFlight() == 10, SOON);
            assertEquals(10, waiting.inFlight(), () -> "the ten calls are waiting: " + waiting);
        } // closed in order (FIN), as a browser tab or a client timeout does
        DownstreamProcess.Stats stats = downstream().awaitStats(s -> s.cancelled() == 10, CANCEL_WITHIN);
        assertEquals(10, stats.cancelled(), () -> "all ten cancelled within a second of the client leaving: " + stats);
        assertEquals(0, stats.inFlight(), stats::toString);
        assertEquals(0, stats.completed(), stats::toString);
    }

    @Test
    void aClientLeavingAChainStopsIt() throws Exception {
        RawHttp.Connection client = RawHttp.Connection.open(apps().shared().baseUri());
        client.write(rawGet("/chain?calls=5&ms=20000"));
        DownstreamProcess.Stats first = downstream().awaitStats(s -> s.inFlight() == 1, SOON);
        assertEquals(1, first.inFlight(), () -> "the first call is waiting: " + first);

        client.abort(); // reset (RST), as a crashed client would

        DownstreamProcess.Stats cancelled = downstream().awaitStats(s -> s.cancelled() == 1, CANCEL_WITHIN);
        assertEquals(1, cancelled.cancelled(), () -> "the waiting call cancelled: " + cancelled);
        Thread.sleep(300); // room for a second call, which must not come
        DownstreamProcess.Stats after = downstream().stats();
        assertEquals(1, after.received(), () -> "no further call of the chain: " + after);
        assertEquals(0, after.inFlight(), after::toString);
    }

    @Test
    void aThousandAbortedFanoutsLeaveThePoolIdleAndANewFanoutAtFullSpeed() throws Exception {
        int pool = 20;
        // A downstream of its own: the connections it counts are then this app's alone.
        DownstreamProcess own = apps().closeAfterCase(DownstreamProcess.start());
        AppProcess app = apps().start("DOWNSTREAM_URL", own.baseUri().toString(), "DOWNSTREAM_POOL_SIZE", String.valueOf(pool));
        List<RawHttp.Exchange> answeredEarly;
        ProcessSockets.Sampler held = apps().closeAfterCase(ProcessSockets.sample(app.pid(), own.port()));
        try (RawHttp.Burst clients = RawHttp.Burst.open(app.baseUri(), 1000)) {
            clients.send(RawHttp.Request.get("/fanout?calls=10&ms=20000"));
            DownstreamProcess.Stats full = own.awaitStats(s -> s.inFlight() == pool, SOON);
            assertEquals(pool, full.inFlight(), () -> "the pool's " + pool + " connections are all busy: " + full);
            Thread.sleep(500); // every other call is now waiting for a pooled connection
            answeredEarly = clients.abortAll();
        }
        assertTrue(answeredEarly.stream().allMatch(e -> e.answered() && Problems.isShed(e.answer())),
                () -> "before they left, nothing but shedding answered them: " + answeredEarly.stream()
                        .limit(5).map(RawHttp.Exchange::describe).toList());

        DownstreamProcess.Stats settled = own.awaitIdle(SOON);
        assertEquals(0, settled.inFlight(), () -> "every call of the aborted requests cancelled: " + settled);
        Thread.sleep(1000); // a call still queued in the app for a request that has left would start now
        DownstreamProcess.Stats after = own.stats();
        assertEquals(0, after.inFlight(), () -> "no call started for a request whose client had left: " + after);
        assertEquals(0, after.completed(), after::toString);
        assertTrue(after.connections() <= pool, () -> "at most DOWNSTREAM_POOL_SIZE connections held: " + after);

        ApiResponse fresh = new ApiClient(app.baseUri()).get("/fanout?calls=10&ms=300");
        long elapsed = assertCallsAnswer(fresh, 10, 300);
        assertTrue(fresh.elapsed().toMillis() < 1000,
                () -> "a new fan-out is not queued behind the aborted ones: answered after " + fresh.elapsed().toMillis()
                        + " ms (elapsedMs " + elapsed + ")");
        DownstreamProcess.Stats end = own.stats();
        assertTrue(end.connections() <= pool, () -> "still at most DOWNSTREAM_POOL_SIZE connections: " + end);
        held.close();
        // Counted on the app's side: downstream's own count lags while it closes the connections the app dropped.
        assertTrue(held.heldPeak() <= pool, () -> "the app never held more than DOWNSTREAM_POOL_SIZE = " + pool
                + " connections to downstream; it held " + held.heldPeak() + " in two samples in a row (single-sample peak "
                + held.peak() + ", " + held.samples() + " samples)");
        assertTrue(held.samples() >= 10, () -> "the sampler looked only " + held.samples() + " times");
    }

    @Test
    void aFanoutIsOneRequestAgainstMaxInFlight() throws Exception {
        AppProcess app = apps().start("MAX_IN_FLIGHT", "2");
        ApiClient api = new ApiClient(app.baseUri());
        CompletableFuture<ApiResponse> first = api.getAsync("/fanout?calls=10&ms=1500");
        DownstreamProcess.Stats busy = downstream().awaitStats(s -> s.inFlight() == 10, SOON);
        assertEquals(10, busy.inFlight(), busy::toString);

        ApiResponse fast = api.get("/fast");
        assertEquals(200, fast.status(), () -> "ten calls are still one request of the two allowed: " + fast.describe());
        CompletableFuture<ApiResponse> second = api.getAsync("/fanout?calls=10&ms=1500");
        DownstreamProcess.Stats both = downstream().awaitStats(s -> s.inFlight() == 20, SOON);
        assertEquals(20, both.inFlight(), both::toString);
        ApiResponse shed = api.get("/fast");
        assertTrue(Problems.isShed(shed), () -> "two fan-outs fill MAX_IN_FLIGHT=2: " + shed.describe());

        assertCallsAnswer(first.join(), 10, 1500);
        assertCallsAnswer(second.join(), 10, 1500);
    }

    @Test
    void aFanoutInProgressFinishesOnSigterm() throws Exception {
        AppProcess app = apps().start("SHUTDOWN_GRACE_MS", "10000");
        CompletableFuture<ApiResponse> inProgress = new ApiClient(app.baseUri()).getAsync("/fanout?calls=10&ms=1500");
        DownstreamProcess.Stats busy = downstream().awaitStats(s -> s.inFlight() == 10, SOON);
        assertEquals(10, busy.inFlight(), busy::toString);

        app.terminate();

        assertCallsAnswer(inProgress.join(), 10, 1500);
        int status = app.awaitExit(Duration.ofSeconds(20));
        assertTrue(status == 0 || status == 143, () -> "exited cleanly after the fan-out, status " + status + ":\n" + app.output());
        assertEquals(10, downstream().stats().completed(), "the calls were answered, not cut");
    }
}
