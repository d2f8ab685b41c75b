package dev.slowfast.contract.process;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slowfast.contract.ApiClient;
import dev.slowfast.contract.ApiResponse;
import dev.slowfast.contract.Problems;
import dev.slowfast.contract.RawHttp.Connection;
import dev.slowfast.contract.RawHttp.Exchange;
import dev.slowfast.contract.RawHttp.Request;
import dev.slowfast.testkit.AppProcess;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Clients that send slowly (docs/contract.md, "Hostile input"): a request head must be complete
 * within {@code HEADER_TIMEOUT_MS} on every request of a connection, or the connection is closed,
 * while other clients are served; and a body the app refused is not read without a deadline.
 */
public abstract class SlowClientCases extends ProcessCases {

    private static final int HEADER_TIMEOUT_MS = 1000;
    /** A JVM on a busy 2-core machine noticing a deadline and closing a socket. */
    private static final int SLACK_MS = 2000;
    private static final Duration GIVE_UP = Duration.ofSeconds(10);

    @Test
    void aClientTricklingItsFirstHeadIsDisconnectedWithinTheHeaderTimeoutWhileOthersAreServed() throws Exception {
        AppProcess app = apps().start("HEADER_TIMEOUT_MS", String.valueOf(HEADER_TIMEOUT_MS));
        ApiClient others = new ApiClient(app.baseUri());
        try (Connection slowloris = Connection.open(app.baseUri())) {
            Trickle trickle = trickleHead(slowloris, others);
            assertTrue(trickle.closed(), () -> "the trickling connection was still open after "
                    + GIVE_UP.toSeconds() + " s; " + trickle);
            assertTrue(trickle.millis() <= HEADER_TIMEOUT_MS + SLACK_MS, () -> "closed "
                    + (HEADER_TIMEOUT_MS + SLACK_MS) + " ms at the latest with HEADER_TIMEOUT_MS="
                    + HEADER_TIMEOUT_MS + "; " + trickle);
            assertEquals(List.of(), trickle.othersNotServed(), "other clients are served meanwhile, each within 1 s");
        }
        assertEquals(200, others.get("/fast").status());
    }

    /**
     * The deadline is per request head, not per connection: after one good request and its full
     * answer, a second head trickled byte by byte on the same kept-alive connection is cut off too.
     */
    @Test
    void aClientTricklingItsSecondHeadOnAKeptAliveConnectionIsDisconnectedToo() throws Exception {
        AppProcess app = apps().start("HEADER_TIMEOUT_MS", String.valueOf(HEADER_TIMEOUT_MS));
        ApiClient others = new ApiClient(app.baseUri());
        try (Connection keptAlive = Connection.open(app.baseUri())) {
            ApiResponse first = keptAlive.exchange(Request.get("/fast"), Duration.ofSeconds(5)).answer();
            assertEquals(200, first.status(), first::describe);
            assertFalse(closesConnection(first), () -> "HTTP/1.1 connections persist (docs/contract.md, Pipelining): "
                    + "the app closed this one after one GET /fast: " + first.describe());

            Trickle trickle = trickleHead(keptAlive, others);

            assertTrue(trickle.closed(), () -> "after one good request, the trickled second head kept the connection open "
                    + GIVE_UP.toSeconds() + " s; " + trickle);
            assertTrue(trickle.millis() <= HEADER_TIMEOUT_MS + SLACK_MS, () -> "the second head's deadline closes it "
                    + (HEADER_TIMEOUT_MS + SLACK_MS) + " ms at the latest with HEADER_TIMEOUT_MS=" + HEADER_TIMEOUT_MS
                    + "; " + trickle);
            assertEquals(List.of(), trickle.othersNotServed(), "other clients are served meanwhile, each within 1 s");
        }
        assertEquals(200, others.get("/fast").status());
    }

    /**
     * {@code POST /contacts} with {@code Content-Type: text/plain} and {@code Content-Length: 16 MiB},
     * whose body then arrives slowly (2 KiB every 20 ms: 16 MiB would take minutes), gets its 415 at
     * once, and then the server either closes the connection or stops reading the body within a few
     * seconds: no thread of it drains the refused body without a deadline.
     */
    @Test
    void aRefusedHugeSlowBodyIsNotDrainedWithoutADeadline() throws Exception {
        AppProcess app = apps().start();
        int declared = 16 * 1024 * 1024;
        long drainLimitMs = 8_000;
        long stalledMs = 2_000;
        // A small send buffer, so a server that stops reading soon stalls the writer.
        try (Connection client = Connection.open(app.baseUri(), 8 * 1024)) {
            String head = "POST /contacts HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Length: "
                    + declared + "\r\n\r\n";
            Request request = new Request("POST", "/contacts", head.getBytes(ISO_8859_1));
            long sent = client.write(request.bytes());

            AtomicLong bodySent = new AtomicLong();
            AtomicLong writeStarted = new AtomicLong();
            AtomicLong writeFailedAt = new AtomicLong();
            AtomicReference<String> writeFailure = new AtomicReference<>();
            Thread slowBody = Thread.ofPlatform().daemon().name("slow-body").start(() -> {
                byte[] chunk = new byte[2048];
                Arrays.fill(chunk, (byte) 'a');
                try {
                    while (bodySent.get() + chunk.length <= declared && !Thread.currentThread().isInterrupted()) {
                        writeStarted.set(System.nanoTime());
                        client.write(chunk);
                        writeStarted.set(0);
                        bodySent.addAndGet(chunk.length);
                        Thread.sleep(20);
                    }
                } catch (IOException e) {
                    writeFailure.set(e.getMessage());
                    writeFailedAt.set(System.nanoTime());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            try {
                Exchange refused = client.read(request, sent, Duration.ofSeconds(5));
                assertTrue(refused.answered() && refused.contractBreak() == null
                                && isProblem(refused.response(), 415, Problems.UNSUPPORTED_MEDIA_TYPE),
                        () -> "a text/plain body is refused with 415 unsupported-media-type within 5 s, while its body"
                                + " trickles: " + refused.describe() + " (" + bodySent.get() + " body bytes sent)");
                long answered = System.nanoTime();
                long sentAtAnswer = bodySent.get();

                String outcome = null;
                while (outcome == null && millisSince(answered) < drainLimitMs) {
                    long started = writeStarted.get();
                    if (client.poll(Duration.ofMillis(100)) < 0) {
                        outcome = "closed by the server " + millisSince(answered) + " ms after the 415";
                    } else if (writeFailure.get() != null) {
                        outcome = "writing failed (" + writeFailure.get() + ") "
                                + Duration.ofNanos(writeFailedAt.get() - answered).toMillis() + " ms after the 415";
                    } else if (started != 0 && millisSince(started) >= stalledMs) {
                        outcome = "the server stopped reading: a write has been blocked for " + millisSince(started)
                                + " ms, " + millisSince(answered) + " ms after the 415";
                    }
                }
                long drained = bodySent.get() - sentAtAnswer;
                String found = outcome;
                System.out.println("[" + getClass().getName() + "] refused 16 MiB slow body: "
                        + (found == null ? "still being read" : found) + "; " + drained + " bytes sent after the 415");
                assertTrue(found != null, () -> "the server kept reading the refused body for " + drainLimitMs
                        + " ms after its 415 (" + drained + " bytes sent meanwhile) without closing the connection"
                        + "\n" + app.output());
            } finally {
                slowBody.interrupt();
                client.abort();
                slowBody.join(5_000);
            }
        }
    }

    /** What happened while a head was trickled: whether and when the server ended the connection. */
    private record Trickle(boolean closed, long millis, int bytesSent, String received, List<String> othersNotServed) {
        @Override
        public String toString() {
            return "closed=" + closed + " after " + millis + " ms, " + bytesSent + " head bytes trickled, received: "
                    + received + ", others not served in time: " + othersNotServed;
        }
    }

    /**
     * Sends the start of a head, then one more header byte every ~100 ms, never ending it, until
     * the server closes the connection (a response such as 408 before that is allowed and kept) or
     * {@link #GIVE_UP}; in between, other clients must get {@code /fast} within 1 s.
     */
    private static Trickle trickleHead(Connection connection, ApiClient others) throws IOException {
        List<String> othersNotServed = new ArrayList<>();
        long started = System.nanoTime();
        int sent = 0;
        byte[] start = "GET /fast HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Trickle: ".getBytes(ISO_8859_1);
        try {
            connection.write(start);
            sent += start.length;
        } catch (IOException closedAlready) {
            return new Trickle(true, millisSince(started), sent, connection.unsolicited(), othersNotServed);
        }
        int round = 0;
        while (millisSince(started) < GIVE_UP.toMillis()) {
            if (connection.poll(Duration.ofMillis(100)) < 0) {
                return new Trickle(true, millisSince(started), sent, connection.unsolicited(), othersNotServed);
            }
            try {
                connection.write(new byte[] {'a'});
                sent++;
            } catch (IOException reset) {
                return new Trickle(true, millisSince(started), sent, connection.unsolicited(), othersNotServed);
            }
            if (round++ % 3 == 0) {
                ApiResponse fast = others.get("/fast");
                if (fast.status() != 200 || fast.elapsed().toMillis() > 1000) {
                    othersNotServed.add(fast.describe() + " after " + fast.elapsed().toMillis() + " ms");
                }
            }
        }
        return new Trickle(false, millisSince(started), sent, connection.unsolicited(), othersNotServed);
    }
}
