package dev.slowfast.contract;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slowfast.testkit.AppProcess;
import dev.slowfast.testkit.PostgresServer;
import dev.slowfast.testkit.TestDatabase;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * HTTP/1.1 pipelining (docs/contract.md, "Pipelining"), on the app's jar running as its own process so
 * that its memory can be measured ({@code VmRSS} in {@code /proc/<pid>/status}) and what it has read off
 * its socket can be told apart from what the kernel still holds ({@code /proc/net/tcp}); on a system
 * without {@code /proc} only the answers are checked. Extend it and say where the jar is:
 *
 * <pre>{@code
 * class MyAppPipeliningProcessContractTest extends PipeliningContract {
 *     protected Path jar() { return Path.of("target/my-app.jar"); }
 * }
 * }</pre>
 *
 * Both cases share one process. The figures each case measures are printed, so a build log shows them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class PipeliningContract {

    /** "Bounded": generous, so that a JVM's ordinary native growth (code cache, thread stacks, buffers) passes. */
    static final long MAX_GROWTH_BYTES = 64L * 1024 * 1024;
    /** The app's heap, fully committed and touched at start-up (big enough for every app's workload here). */
    static final List<String> FIXED_HEAP = List.of("-Xms512m", "-Xmx512m", "-XX:+AlwaysPreTouch");
    /**
     * How much of an unread pipeline the server process may have taken in (read off its socket) while the
     * client does not read: what it legitimately answered until its socket's send buffer filled (about 4 MiB of
     * answers, some 3 MiB of requests) plus its own bounded buffers; far below the 80 MiB pipeline.
     */
    static final long MAX_TAKEN_BYTES = 16L * 1024 * 1024;
    /** The client's socket buffers, fixed (no autotuning) so that the kernel holds little of the pipeline on its side. */
    private static final int CLIENT_SEND_BUFFER = 256 * 1024;
    private static final int CLIENT_RECEIVE_BUFFER = 64 * 1024;
    private static final int IN_ORDER_REQUESTS = 1_000;
    private static final int UNREAD_REQUESTS = 20_000;
    /** Each request head of the unread pipeline carries this much padding: 20,000 of them are about 80 MiB. */
    private static final int PADDING_BYTES = 4 * 1024;
    /** How long the client writes without reading, before it reads everything. */
    private static final Duration NOT_READING = Duration.ofSeconds(5);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestDatabase database;
    private AppProcess app;

    /** The app's runnable jar, relative to the module directory, e.g. {@code target/async-app.jar}. */
    protected abstract Path jar();

    /** Extra environment, e.g. {@code THREAD_MODEL=virtual}. */
    protected Map<String, String> environment() {
        return Map.of();
    }

    @BeforeAll
    void startTheApp() throws Exception {
        database = PostgresServer.shared().createDatabase();
        Map<String, String> env = new HashMap<>(environment());
        env.put("DATABASE_URL", database.url());
        // A fixed, pre-touched heap: heap expansion then cannot show as RSS growth, so the RSS bound measures what
        // the server buffers off-heap (direct buffers), and the bytes-read bound what it takes in at all.
        app = AppProcess.launcher(jar()).env(env).jvmOptions(FIXED_HEAP).start().awaitHealthy(Duration.ofSeconds(60));
    }

    @AfterAll
    void stopTheApp() throws Exception {
        try (var db = database; var running = app) {
            // the app first, then its database
        }
    }

    /**
     * 1,000 requests written on one connection before a single byte is read: /fast (answered at once),
     * /slow?ms=k (answered after a timer) and /cpu?n=distinct (answered from the CPU pool), so an answer
     * that overtakes another shows in the bodies. Every one is answered, in order, and the connection is
     * still usable afterwards.
     */
    @Test
    void aThousandPipelinedRequestsAreAllAnsweredInOrder() throws Exception {
        List<String> targets = new ArrayList<>();
        for (int i = 0; i < IN_ORDER_REQUESTS; i++) {
            targets.add(switch (i % 4) {
                case 0 -> "/fast";
                case 1 -> "/slow?ms=" + (i % 7);
                default -> "/cpu?n=" + (1_000_000 + i);
            });
        }
        inOrder(targets); // once to warm up: the second run's RSS then shows what pipelining itself costs
        OptionalLong before = rss();
        long started = System.nanoTime();
        inOrder(targets);
        long took = Duration.ofNanos(System.nanoTime() - started).toMillis();
        OptionalLong after = rss();
        String growth = before.isPresent() && after.isPresent() ? growth(after.getAsLong() - before.getAsLong()) : "not measured (no /proc)";
        System.out.printf("Pipelining %s: %d pipelined requests answered in order in %d ms; RSS %s -> %s (%s)%n", jar().getFileName(),
                IN_ORDER_REQUESTS, took, show(before), show(after), growth);
        if (before.isPresent() && after.isPresent()) {
            assertTrue(after.getAsLong() - before.getAsLong() < MAX_GROWTH_BYTES, "RSS grew by " + growth);
        }
    }

    /** Writes all of {@code targets} in one go, then reads and checks every answer, then one more request on the same connection. */
    private void inOrder(List<String> targets) throws IOException {
        try (Socket socket = connect()) {
            var all = new ByteArrayOutputStream();
            targets.forEach(target -> all.writeBytes(request(target, 0)));
            OutputStream out = socket.getOutputStream();
            Thread writer = Thread.ofPlatform().daemon().start(() -> {
                try {
                    out.write(all.toByteArray()); // everything before reading anything (a thread of its own, so a full buffer cannot deadlock)
                    out.flush();
                } catch (IOException e) {
                    // the reader reports the missing answers
                }
            });
            InputStream in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            for (int i = 0; i < targets.size(); i++) {
                if (i == 0) {
                    try {
                        writer.join(READ_TIMEOUT.toMillis()); // read only once all is written, if the server lets it be
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                checkAnswer(i, targets.get(i), read(in, i, targets.get(i)));
            }
            out.write(request("/fast", 0));
            out.flush();
            checkAnswer(targets.size(), "/fast", read(in, targets.size(), "/fast"));
        }
    }

    /**
     * A client pipelines 20,000 requests with 4 KiB heads (about 80 MiB) and does not read for 5 s; every
     * tenth asks for a 100-contact page (about 55 KiB), so the answers soon fill the socket buffers. The
     * server must then stop reading (TCP backpressure) instead of queueing the rest of the pipeline or its
     * answers in memory: by the end of the 5 s it may have read at most 16 MiB of the pipeline off its
     * socket (bytes written by the client, less what the two sockets' kernel buffers still hold), and its
     * RSS may not grow by more than 64 MiB over what the same workload needed when read promptly. Then the
     * client reads, and every request is answered, in order.
     *
     * <p>The RSS bound alone would not show a server that buffers: after the prompt run its heap is
     * resident already, so queued requests fill it without growing the RSS much (reactive-app with the
     * forced reads of KeepAliveReadWorkaround took the whole 80 MiB and grew by under 64 MiB).
     */
    @Test
    void aPipeliningClientThatStopsReadingIsThrottledNotBuffered() throws Exception {
        ApiClient api = new ApiClient(app.baseUri());
        for (int i = 0; i < 100; i++) {
            String name = String.format("%03d ", i) + "n".repeat(196);
            assertEquals(201, api.post("/contacts", Json.contact(name, "e".repeat(126) + "@" + "d".repeat(127), "0123456789".repeat(4))).status());
        }
        List<String> targets = new ArrayList<>();
        for (int i = 0; i < UNREAD_REQUESTS; i++) {
            targets.add(i % 10 == 0 ? "/contacts?limit=100" : "/cpu?n=" + (1_000_000 + i));
        }

        // The same workload read promptly: what the app needs for it anyway (heap, buffers, JIT).
        long started = System.nanoTime();
        pipeline(targets, Duration.ZERO);
        long promptMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        OptionalLong baseline = rss();

        RssSampler sampler = new RssSampler();
        Thread sampling = Thread.ofPlatform().daemon().start(sampler);
        started = System.nanoTime();
        Pipeline unread = pipeline(targets, NOT_READING);
        long unreadMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        sampler.stop();
        sampling.join();

        long total = (long) targets.size() * request(targets.get(1), PADDING_BYTES).length;
        String growth = baseline.isPresent() && sampler.peak() > 0 ? growth(sampler.peak() - baseline.getAsLong()) : "not measured (no /proc)";
        String taken = unread.takenByServer().isPresent() ? mib(unread.takenByServer().getAsLong()) : "? (no /proc/net/tcp)";
        String summary = String.format(Locale.ROOT, "Pipelining %s: %d pipelined requests (%s), not read for %d s: the client wrote %s, the"
                        + " server process read %s of it; RSS %s after the same workload read promptly (%d ms), peak %s while unread (%s);"
                        + " all answered in order in %d ms", jar().getFileName(), targets.size(), mib(total), NOT_READING.toSeconds(),
                mib(unread.writtenBeforeReading()), taken, show(baseline), promptMillis, show(OptionalLong.of(sampler.peak())), growth, unreadMillis);
        System.out.println(summary);
        if (unread.takenByServer().isPresent()) {
            assertTrue(unread.takenByServer().getAsLong() < MAX_TAKEN_BYTES, () -> "while the client did not read, the server kept reading"
                    + " the pipeline (no backpressure): it read " + taken + " of " + mib(total) + " off its socket.\n" + summary);
        }
        if (baseline.isPresent() && sampler.peak() > 0) {
            assertTrue(sampler.peak() - baseline.getAsLong() < MAX_GROWTH_BYTES,
                    () -> "while the client did not read, the server's RSS grew by " + growth + ".\n" + summary);
        }
    }

    /** What one pipelined run saw: bytes written before the client read, and how many of them the server process had read. */
    private record Pipeline(long writtenBeforeReading, OptionalLong takenByServer) {
    }

    /**
     * Writes {@code targets} on one connection from a writer thread, waits {@code notReading} before it
     * starts reading, then reads and checks every answer in order.
     */
    private Pipeline pipeline(List<String> targets, Duration notReading) throws Exception {
        try (Socket socket = connect()) {
            AtomicLong written = new AtomicLong();
            List<Throwable> writeFailure = new ArrayList<>();
            Thread writer = Thread.ofPlatform().daemon().start(() -> {
                try {
                    OutputStream out = socket.getOutputStream();
                    for (String target : targets) {
                        byte[] bytes = request(target, PADDING_BYTES);
                        out.write(bytes);
                        written.addAndGet(bytes.length);
                    }
                    out.flush();
                } catch (IOException | RuntimeException e) {
                    synchronized (writeFailure) {
                        writeFailure.add(e);
                    }
                }
            });
            Thread.sleep(notReading.toMillis());
            long writtenBeforeReading = written.get();
            OptionalLong inKernel = kernelQueues(socket.getLocalPort(), app.port());
            OptionalLong taken = inKernel.isPresent() ? OptionalLong.of(writtenBeforeReading - inKernel.getAsLong()) : OptionalLong.empty();
            InputStream in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            for (int i = 0; i < targets.size(); i++) {
                Answer answer;
                try {
                    answer = read(in, i, targets.get(i));
                } catch (IOException e) {
                    synchronized (writeFailure) {
                        throw new AssertionError("answer " + i + " of " + targets.size() + " (" + targets.get(i) + ") did not come: " + e
                                + (writeFailure.isEmpty() ? "" : "; writing failed too: " + writeFailure.get(0))
                                + "\n" + app.output(), e);
                    }
                }
                checkAnswer(i, targets.get(i), answer);
            }
            writer.join(READ_TIMEOUT.toMillis());
            synchronized (writeFailure) {
                assertTrue(writeFailure.isEmpty(), () -> "writing the pipeline failed: " + writeFailure.get(0));
            }
            return new Pipeline(writtenBeforeReading, taken);
        }
    }

    private static void checkAnswer(int i, String target, Answer answer) {
        String where = "answer " + i + " (to " + target + ")";
        assertEquals(200, answer.status(), () -> where + ": " + answer);
        assertTrue(!"close".equalsIgnoreCase(answer.headers().getOrDefault("connection", "")),
                () -> where + " closes the connection: " + answer);
        JsonNode body;
        try {
            body = JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new AssertionError(where + " is not JSON: " + answer, e);
        }
        if (target.equals("/fast")) {
            assertEquals("That was fast!", body.path("message").asText(), () -> where + ": " + answer);
        } else if (target.startsWith("/slow?ms=")) {
            assertEquals(Integer.parseInt(target.substring("/slow?ms=".length())), body.path("ms").asInt(-1),
                    () -> where + " answers another request (out of order?): " + answer);
        } else if (target.startsWith("/cpu?n=")) {
            long n = Long.parseLong(target.substring("/cpu?n=".length()));
            assertEquals(n, body.path("n").asLong(-1), () -> where + " answers another request (out of order?): " + answer);
            assertEquals(BigInteger.valueOf(n).isProbablePrime(64), body.path("prime").asBoolean(), () -> where + ": " + answer);
        } else {
            assertTrue(body.isArray() && body.size() == 100, () -> where + " is not the 100-contact page: " + answer);
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket();
        socket.setSendBufferSize(CLIENT_SEND_BUFFER);
        socket.setReceiveBufferSize(CLIENT_RECEIVE_BUFFER);
        socket.connect(new InetSocketAddress(app.baseUri().getHost(), app.baseUri().getPort()), 5000);
        socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
        socket.setTcpNoDelay(true);
        return socket;
    }

    /**
     * Bytes of the client-to-server stream that the kernel still holds: the client socket's send queue plus
     * the server socket's receive queue ({@code tx_queue} and {@code rx_queue} in {@code /proc/net/tcp} and
     * {@code tcp6}, found by the two ports); empty where there is no such file or no such connection.
     */
    static OptionalLong kernelQueues(int clientPort, int serverPort) {
        Long clientSend = null;
        Long serverReceive = null;
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (!Files.isReadable(file)) {
                continue;
            }
            try {
                for (String line : Files.readAllLines(file)) {
                    String[] f = line.strip().split("\\s+");
                    if (f.length < 5 || !f[0].endsWith(":") || !f[3].equals("01")) {
                        continue; // the header, or not ESTABLISHED
                    }
                    int local = Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1), 16);
                    int remote = Integer.parseInt(f[2].substring(f[2].indexOf(':') + 1), 16);
                    String[] queues = f[4].split(":");
                    if (local == clientPort && remote == serverPort) {
                        clientSend = Long.parseLong(queues[0], 16);
                    } else if (local == serverPort && remote == clientPort) {
                        serverReceive = Long.parseLong(queues[1], 16);
                    }
                }
            } catch (IOException | RuntimeException unreadable) {
                return OptionalLong.empty();
            }
        }
        return clientSend == null || serverReceive == null ? OptionalLong.empty() : OptionalLong.of(clientSend + serverReceive);
    }

    private static byte[] request(String target, int padding) {
        var head = new StringBuilder("GET ").append(target).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        if (padding > 0) {
            head.append("X-Padding: ").append("p".repeat(padding)).append("\r\n");
        }
        return head.append("\r\n").toString().getBytes(ISO_8859_1);
    }

    /** One HTTP/1.1 response as read off the wire. */
    record Answer(int status, Map<String, String> headers, byte[] body) {
        @Override
        public String toString() {
            String text = new String(body, UTF_8);
            return status + " " + headers + " " + (text.length() > 300 ? text.substring(0, 300) + "..." : text);
        }
    }

    /** Reads one response: status line, headers, then a Content-Length or chunked body. */
    private static Answer read(InputStream in, int i, String target) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) {
            throw new EOFException("the connection ended before answer " + i + " (to " + target + ")");
        }
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not a status line: " + statusLine);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).strip().toLowerCase(Locale.ROOT), header.substring(colon + 1).strip());
        }
        var body = new ByteArrayOutputStream();
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (int size = chunkSize(line(in)); size > 0; size = chunkSize(line(in))) {
                body.writeBytes(in.readNBytes(size));
                line(in);
            }
            for (String trailer = line(in); trailer != null && !trailer.isEmpty(); trailer = line(in)) {
                // trailers: none expected
            }
        } else {
            int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
            byte[] bytes = in.readNBytes(length);
            if (bytes.length < length) {
                throw new EOFException("answer " + i + " ended after " + bytes.length + " of " + length + " bytes");
            }
            body.writeBytes(bytes);
        }
        return new Answer(Integer.parseInt(parts[1]), headers, body.toByteArray());
    }

    private static int chunkSize(String line) throws IOException {
        if (line == null) {
            throw new EOFException("the connection ended inside a chunked body");
        }
        return Integer.parseInt(line.split(";", 2)[0].strip(), 16);
    }

    /** A CRLF-terminated line without its CRLF, or null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        var line = new ByteArrayOutputStream();
        for (int b = in.read(); ; b = in.read()) {
            if (b < 0) {
                return line.size() == 0 ? null : line.toString(ISO_8859_1);
            }
            if (b == '\n') {
                String text = line.toString(ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
    }

    /** The app's resident set size now, from /proc/<pid>/status; empty without /proc. */
    private OptionalLong rss() {
        Path status = Path.of("/proc", String.valueOf(app.pid()), "status");
        if (!Files.isReadable(status)) {
            return OptionalLong.empty();
        }
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024);
                }
            }
        } catch (IOException | UncheckedIOException gone) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }

    /** Polls the RSS every 20 ms and keeps the peak. */
    private final class RssSampler implements Runnable {
        private volatile boolean running = true;
        private volatile long peak;

        @Override
        public void run() {
            while (running) {
                rss().ifPresent(now -> peak = Math.max(peak, now));
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void stop() {
            running = false;
        }

        long peak() {
            rss().ifPresent(now -> peak = Math.max(peak, now));
            return peak;
        }
    }

    private static String show(OptionalLong bytes) {
        return bytes.isPresent() && bytes.getAsLong() > 0 ? mib(bytes.getAsLong()) : "?";
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }

    private static String growth(long bytes) {
        return String.format(Locale.ROOT, "%+.1f MiB", bytes / (1024.0 * 1024.0));
    }
}
