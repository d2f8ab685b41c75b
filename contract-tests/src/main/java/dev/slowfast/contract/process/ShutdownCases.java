package dev.slowfast.contract.process;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slowfast.contract.ApiClient;
import dev.slowfast.contract.ApiResponse;
import dev.slowfast.contract.Json;
import dev.slowfast.contract.RawHttp.Connection;
import dev.slowfast.contract.RawHttp.Ending;
import dev.slowfast.contract.RawHttp.Exchange;
import dev.slowfast.contract.RawHttp.Request;
import dev.slowfast.testkit.AppProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

/**
 * Graceful shutdown on SIGTERM (docs/contract.md, "Graceful shutdown"), with oracles taken from
 * what was sent: requests in flight at the signal finish with their normal answers, a request
 * arriving afterwards is refused the one way the contract allows, every acknowledged write is
 * stored exactly once, nothing refused is stored, and the process exits by itself within
 * {@code SHUTDOWN_GRACE_MS} + 2 s with status 0 or 143.
 */
public abstract class ShutdownCases extends ProcessCases {

    private static final int GRACE_MS = 6000;
    /** "Exits by itself": what a busy machine may add to the grace. */
    private static final int EXIT_SLACK_MS = 2000;
    /** Long enough for the JVM to run its shutdown hooks, short against every in-flight request here. */
    private static final int AFTER_SIGNAL_MS = 500;

    /**
     * SIGTERM while two {@code /slow?ms=2000}, three {@code /slow/db?ms=2000} and three
     * {@code POST /contacts} (their bodies half sent) are in flight and four writers keep posting
     * contacts on kept-alive connections (reconnecting when one closes) until the process is gone:
     * <ul>
     *   <li>each in-flight request gets its normal answer (200 / 201 with the name it sent);</li>
     *   <li>{@code /ready}, asked on new connections after the signal, never says 200: the connection
     *       is refused, or it answers 503 {@code {"status":"DOWN"}}, or refuses it as a request after
     *       the signal;</li>
     *   <li>each writer response is a 201 with the name sent, or the contract's refusal (connection
     *       closed without an answer, or 503 {@code overloaded} with {@code Connection: close}), or the
     *       connection is refused; anything else fails the case, listed; a request sent more than
     *       250 ms before the signal is acknowledged;</li>
     *   <li>a new request on a kept-alive connection that was idle at the signal is refused;</li>
     *   <li>every acknowledged name is stored exactly once (counted, not a set), nothing refused is
     *       stored, and the only unacknowledged names stored are requests whose connection closed with
     *       no answer: their answer was lost in transit; they are counted and shown;</li>
     *   <li>the process exits within {@code SHUTDOWN_GRACE_MS} + 2 s of the signal with 0 or 143.</li>
     * </ul>
     */
    @Test
    void sigtermFinishesInFlightRequestsStoresEveryAcknowledgedContactOnceRefusesTheRestAndExitsInTime() throws Exception {
        AppProcess app = apps().start("SHUTDOWN_GRACE_MS", String.valueOf(GRACE_MS), "DB_POOL_SIZE", "20");
        String run = UUID.randomUUID().toString().substring(0, 8);
        ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            String prefix = "shutdown " + run + " writer " + w + " #";
            writers.add(Thread.ofPlatform().name("writer-" + w).start(() -> write(app, prefix, attempts)));
        }
        Thread.sleep(1000);

        // In flight at the signal: database waits, and writes whose bodies are still arriving.
        List<Connection> reads = new ArrayList<>();
        List<Request> readRequests = new ArrayList<>();
        List<Long> readsSent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Request read = Request.get(i < 2 ? "/slow?ms=2000" : "/slow/db?ms=2000");
            Connection connection = apps().closeAfterwards(Connection.open(app.baseUri()));
            reads.add(connection);
            readRequests.add(read);
            readsSent.add(connection.write(read.bytes()));
        }
        List<Connection> splits = new ArrayList<>();
        List<Request> splitRequests = new ArrayList<>();
        List<Long> splitsSent = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Request post = Request.postJson("/contacts", Json.object("name", "shutdown " + run + " in flight " + i));
            Connection connection = apps().closeAfterwards(Connection.open(app.baseUri()));
            splits.add(connection);
            splitRequests.add(post);
            splitsSent.add(connection.write(post.firstBytes(post.headLength() + 5).bytes()));
        }
        // Kept alive and idle at the signal: the next request on it comes after the signal.
        Connection idle = apps().closeAfterwards(Connection.open(app.baseUri()));
        ApiResponse beforeSignal = idle.exchange(Request.get("/fast"), Duration.ofSeconds(5)).answer();
        Thread.sleep(500);

        long signalled = System.nanoTime();
        app.terminate();
        Thread.sleep(AFTER_SIGNAL_MS);

        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < splits.size(); i++) {
            Request post = splitRequests.get(i);
            try {
                splits.get(i).write(post.bytesAfter(post.headLength() + 5));
            } catch (IOException e) {
                wrong.add(post.method() + " " + post.target() + " in flight at the signal: the rest of its body could not"
                        + " be sent (" + e.getMessage() + ")");
            }
        }
        Exchange afterSignal = idle.exchange(Request.get("/fast"), Duration.ofSeconds(5));
        boolean refusedAsContracted = afterSignal.ending() == Ending.CLOSED_BEFORE_ANSWER
                || afterSignal.answered() && afterSignal.contractBreak() == null && isShed(afterSignal.response())
                && closesConnection(afterSignal.response());
        if (beforeSignal.status() != 200 || closesConnection(beforeSignal)) {
            wrong.add("the kept-alive connection was not usable before the signal: " + beforeSignal.describe());
        } else if (!refusedAsContracted) {
            wrong.add("a new request on a kept-alive connection " + AFTER_SIGNAL_MS + " ms after SIGTERM is refused (closed,"
                    + " or 503 overloaded with Connection: close): " + afterSignal.describe());
        }

        List<String> readiness = new ArrayList<>();
        for (int i = 0; i < 5 && app.isAlive(); i++) {
            String seen = readyAfterSignal(app);
            readiness.add(seen);
            if (seen.startsWith("WRONG")) {
                wrong.add("/ready after SIGTERM: " + seen);
            }
            Thread.sleep(100);
        }

        Set<String> acknowledged = new HashSet<>();
        for (int i = 0; i < reads.size(); i++) {
            Exchange read = reads.get(i).read(readRequests.get(i), readsSent.get(i), Duration.ofMillis(GRACE_MS + EXIT_SLACK_MS));
            if (!read.answered() || read.contractBreak() != null || !isSlowAnswer(read.response(), 2000)) {
                wrong.add("in flight at the signal, not finished normally: " + read.describe());
            }
        }
        for (int i = 0; i < splits.size(); i++) {
            Request post = splitRequests.get(i);
            String name = Json.parse(new String(post.bytesAfter(post.headLength()), StandardCharsets.UTF_8))
                    .path("name").asText();
            Exchange written = splits.get(i).read(post, splitsSent.get(i), Duration.ofMillis(GRACE_MS + EXIT_SLACK_MS));
            if (isCreated(written, name)) {
                acknowledged.add(name);
            } else {
                wrong.add("in flight at the signal, not finished normally: " + written.describe());
            }
        }

        long exitLimit = signalled + Duration.ofMillis(GRACE_MS + EXIT_SLACK_MS).toNanos();
        int exit = app.awaitExit(Duration.ofNanos(Math.max(0, exitLimit - System.nanoTime())));
        long exitedAfter = millisSince(signalled);
        if (!CLEAN_EXIT.contains(exit)) {
            wrong.add("exit status " + exit + " (-1: still running " + exitedAfter + " ms after SIGTERM with SHUTDOWN_GRACE_MS="
                    + GRACE_MS + ")");
        }
        if (exit == -1) {
            app.stop(Duration.ZERO); // killed, so that the writers stop and what it stored can be read
        }
        for (Thread writer : writers) {
            writer.join(20_000);
            if (writer.isAlive()) {
                writer.interrupt();
                wrong.add(writer.getName() + " still running 20 s after the process ended");
            }
        }

        // Writers' outcomes, each validated.
        Map<Outcome, int[]> counts = new EnumMap<>(Outcome.class);
        Set<String> closedUnanswered = new HashSet<>();
        Set<String> refused = new HashSet<>();
        Map<Integer, Integer> acknowledgedBeforeSignal = new TreeMap<>();
        int afterSignalAttempts = 0;
        List<String> unexpected = new ArrayList<>();
        for (Attempt attempt : attempts) {
            counts.computeIfAbsent(attempt.outcome(), o -> new int[1])[0]++;
            boolean wellBeforeSignal = attempt.sent() < signalled - Duration.ofMillis(250).toNanos();
            if (attempt.sent() >= signalled) {
                afterSignalAttempts++;
            }
            switch (attempt.outcome()) {
                case ACKNOWLEDGED -> {
                    acknowledged.add(attempt.name());
                    if (attempt.sent() < signalled) {
                        acknowledgedBeforeSignal.merge(attempt.writer(), 1, Integer::sum);
                    }
                }
                case CLOSED_UNANSWERED -> closedUnanswered.add(attempt.name());
                case REFUSED_503 -> refused.add(attempt.name());
                case NOT_CONNECTED -> { }
                case UNEXPECTED -> unexpected.add(attempt.detail());
            }
            if (wellBeforeSignal && attempt.outcome() != Outcome.ACKNOWLEDGED && attempt.outcome() != Outcome.UNEXPECTED) {
                wrong.add("writer, " + Duration.ofNanos(signalled - attempt.sent()).toMillis()
                        + " ms before the signal, not acknowledged: " + attempt.detail());
            }
        }
        if (!unexpected.isEmpty()) {
            wrong.add(unexpected.size() + " writer responses neither a 201 with the name sent nor the contract's refusal"
                    + (unexpected.size() > 15 ? ", the first 15:" : ":") + lines(unexpected.subList(0, Math.min(15,
                    unexpected.size()))).replace("\n  - ", "\n      "));
        }
        if (acknowledgedBeforeSignal.size() != writers.size()) {
            wrong.add("every writer had writes acknowledged before the signal: " + acknowledgedBeforeSignal);
        }
        if (afterSignalAttempts == 0) {
            wrong.add("the writers kept writing after the signal (no attempt after it: nothing was refused)");
        }

        AppProcess restarted = apps().start();
        Map<String, Integer> stored = storedNameCounts(new ApiClient(restarted.baseUri()));
        List<String> lostInTransit = new ArrayList<>();
        for (String name : acknowledged) {
            int times = stored.getOrDefault(name, 0);
            if (times != 1) {
                wrong.add("acknowledged with 201 but stored " + times + " times: " + name);
            }
        }
        for (var row : stored.entrySet()) {
            String name = row.getKey();
            if (acknowledged.contains(name)) {
                continue;
            }
            if (closedUnanswered.contains(name) && row.getValue() == 1) {
                lostInTransit.add(name);
            } else {
                wrong.add("stored " + row.getValue() + " times without a 201: " + name
                        + (refused.contains(name) ? " (it was refused with 503)" : closedUnanswered.contains(name) ? ""
                        : " (never acknowledged nor left unanswered)"));
            }
        }
        String summary = "writers: " + summarize(counts) + ", " + afterSignalAttempts + " attempts after the signal; "
                + acknowledged.size() + " acknowledged in all, " + stored.values().stream().mapToInt(Integer::intValue).sum()
                + " stored; answer lost in transit but stored: " + lostInTransit.size() + " " + lostInTransit
                + "; /ready after SIGTERM: " + readiness + "; a request on a kept-alive connection after it: "
                + (afterSignal.answered() ? afterSignal.response().status() + " " + afterSignal.response().header("Connection")
                        .orElse("(no Connection header)") : afterSignal.ending())
                + "; exited " + exitedAfter + " ms after SIGTERM with status " + exit;
        System.out.println("[" + getClass().getName() + "] shutdown under writes: " + summary);
        assertTrue(wrong.isEmpty(), () -> "shutdown under load: " + summary + lines(wrong) + "\n" + app.output());
    }

    private enum Outcome { ACKNOWLEDGED, CLOSED_UNANSWERED, REFUSED_503, NOT_CONNECTED, UNEXPECTED }

    private record Attempt(int writer, String name, long sent, Outcome outcome, String detail) {
    }

    /** Posts new contacts on a kept-alive connection until the process is gone; records every attempt. */
    private static void write(AppProcess app, String prefix, ConcurrentLinkedQueue<Attempt> attempts) {
        int writer = Integer.parseInt(prefix.replaceAll(".* writer (\\d+) #$", "$1"));
        Connection connection = null;
        try {
            for (int i = 0; app.isAlive(); i++) {
                String name = prefix + i;
                if (connection == null) {
                    long tried = System.nanoTime();
                    try {
                        connection = Connection.open(app.baseUri());
                    } catch (IOException refusedConnection) {
                        attempts.add(new Attempt(writer, name, tried, Outcome.NOT_CONNECTED, name + ": not connected ("
                                + refusedConnection.getMessage() + "), nothing sent"));
                        Thread.sleep(20);
                        continue;
                    }
                }
                Exchange exchange = connection.exchange(Request.postJson("/contacts", Json.object("name", name)),
                        Duration.ofSeconds(GRACE_MS / 1000 + 10));
                Outcome outcome;
                if (isCreated(exchange, name)) {
                    outcome = Outcome.ACKNOWLEDGED;
                } else if (exchange.ending() == Ending.CLOSED_BEFORE_ANSWER) {
                    outcome = Outcome.CLOSED_UNANSWERED;
                } else if (exchange.answered() && exchange.contractBreak() == null && isShed(exchange.response())
                        && closesConnection(exchange.response())) {
                    outcome = Outcome.REFUSED_503;
                } else {
                    outcome = Outcome.UNEXPECTED;
                }
                attempts.add(new Attempt(writer, name, exchange.sentNanos(), outcome, exchange.describe()));
                if (!exchange.answered() || closesConnection(exchange.response())) {
                    connection.close();
                    connection = null;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (connection != null) {
                connection.close();
            }
        }
    }

    /** 201 with the contact that was sent: its name, no email, no phone. */
    private static boolean isCreated(Exchange exchange, String name) {
        if (!exchange.answered() || exchange.contractBreak() != null || exchange.response().status() != 201) {
            return false;
        }
        JsonNode contact = exchange.response().json();
        return name.equals(contact.path("name").asText()) && contact.path("email").isNull() && contact.path("phone").isNull();
    }

    /**
     * {@code GET /ready} on a new connection after the signal: "refused" (no connection, or closed
     * without an answer), "503 DOWN", "refused with 503 overloaded", or "WRONG: ..." for anything else.
     */
    private static String readyAfterSignal(AppProcess app) {
        try (Connection connection = Connection.open(app.baseUri())) {
            Exchange ready = connection.exchange(Request.get("/ready"), Duration.ofSeconds(5));
            if (ready.ending() == Ending.CLOSED_BEFORE_ANSWER) {
                return "closed";
            }
            if (!ready.answered() || ready.contractBreak() != null) {
                return "WRONG: " + ready.describe();
            }
            ApiResponse response = ready.response();
            if (response.status() == 503 && "DOWN".equals(response.json().path("status").asText())) {
                return "503 DOWN";
            }
            if (isShed(response) && closesConnection(response)) {
                return "503 overloaded, Connection: close";
            }
            return "WRONG: " + ready.describe();
        } catch (IOException notAccepting) {
            return "not connected";
        }
    }

    private static String summarize(Map<Outcome, int[]> counts) {
        StringBuilder text = new StringBuilder();
        counts.forEach((outcome, n) -> text.append(text.isEmpty() ? "" : ", ").append(n[0]).append(' ')
                .append(outcome.name().toLowerCase(java.util.Locale.ROOT)));
        return text.isEmpty() ? "(no attempts)" : text.toString();
    }
}
