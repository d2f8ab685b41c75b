package dev.slowfast.contract;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * HTTP/1.1 spoken over plain sockets, for what {@code java.net.http} hides from a test: which
 * connection a request goes on, when exactly its bytes leave, a head or body sent in pieces, a
 * client that vanishes, and whether the server closed a connection without answering. Every
 * complete response goes through the same checks as {@link ApiClient}'s (docs/openapi.yaml,
 * problem+json for errors, never a 5xx but 503); a response that breaks them is reported by its
 * {@link Exchange}, never dropped.
 */
public final class RawHttp {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private RawHttp() {
    }

    /** The bytes of one request, and what the checks need to know about it. */
    public record Request(String method, String target, byte[] bytes) {

        public static Request get(String target) {
            return of("GET", target, null, null);
        }

        public static Request postJson(String target, String json) {
            return of("POST", target, ApiClient.JSON, json.getBytes(UTF_8));
        }

        /** A complete request: {@code Host}, and {@code Content-Type}/{@code Content-Length} when there is a body. */
        public static Request of(String method, String target, String contentType, byte[] body) {
            StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                    .append("Host: 127.0.0.1\r\n");
            if (contentType != null) {
                head.append("Content-Type: ").append(contentType).append("\r\n");
            }
            if (body != null) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("\r\n");
            byte[] headBytes = head.toString().getBytes(ISO_8859_1);
            byte[] all = body == null ? headBytes : Arrays.copyOf(headBytes, headBytes.length + body.length);
            if (body != null) {
                System.arraycopy(body, 0, all, headBytes.length, body.length);
            }
            return new Request(method, target, all);
        }

        /** The same request cut after {@code length} bytes, e.g. a head with half its body. */
        public Request firstBytes(int length) {
            return new Request(method, target, Arrays.copyOf(bytes, length));
        }

        /** The bytes after {@code length}: the rest of a request sent in two parts. */
        public byte[] bytesAfter(int length) {
            return Arrays.copyOfRange(bytes, length, bytes.length);
        }

        /** Where the head ends, i.e. the length of the head including its blank line. */
        public int headLength() {
            String text = new String(bytes, ISO_8859_1);
            return text.indexOf("\r\n\r\n") + 4;
        }
    }

    /** How an exchange ended, from the client's side. */
    public enum Ending {
        /** A complete response arrived. */
        ANSWERED,
        /** The server closed or reset the connection before a single byte of a response arrived. */
        CLOSED_BEFORE_ANSWER,
        /** The connection ended in the middle of a response, or the bytes were not an HTTP response. */
        CUT_MID_ANSWER,
        /** Nothing complete arrived within the time the test allowed. */
        NO_ANSWER_IN_TIME
    }

    /**
     * One request and what came of it.
     *
     * @param response       the parsed response when {@code ending} is ANSWERED, else null
     * @param contractBreak  why the response breaks the contract's general checks, or null
     * @param received       the bytes that arrived (for a report when there is no complete response)
     * @param how            the I/O detail of an ending without an answer (e.g. "connection reset"), or ""
     */
    public record Exchange(Request request, Ending ending, ApiResponse response, String contractBreak, byte[] received,
            String how, long sentNanos, long endedNanos) {

        public boolean answered() {
            return ending == Ending.ANSWERED;
        }

        public long millis() {
            return Duration.ofNanos(endedNanos - sentNanos).toMillis();
        }

        /** The response, which must have arrived and pass the contract's general checks. */
        public ApiResponse answer() {
            if (!answered() || contractBreak != null) {
                throw new AssertionError(describe());
            }
            return response;
        }

        public String describe() {
            String asked = request.method() + " " + request.target();
            return switch (ending) {
                case ANSWERED -> (contractBreak == null ? response.describe() : contractBreak) + " after " + millis() + " ms";
                case CLOSED_BEFORE_ANSWER -> asked + ": connection closed without an answer after " + millis() + " ms"
                        + (how.isEmpty() ? "" : " (" + how + ")");
                case CUT_MID_ANSWER -> asked + ": connection ended mid-answer after " + millis() + " ms"
                        + (how.isEmpty() ? "" : " (" + how + ")") + ", received: " + shown(received);
                case NO_ANSWER_IN_TIME -> asked + ": no complete answer within " + millis() + " ms, received: "
                        + shown(received);
            };
        }
    }

    private static String shown(byte[] bytes) {
        if (bytes.length == 0) {
            return "(nothing)";
        }
        String text = new String(bytes, 0, Math.min(bytes.length, 300), ISO_8859_1).replace("\r\n", "\\r\\n ");
        return bytes.length > 300 ? text + "..." : text;
    }

    /**
     * One HTTP/1.1 response assembled from bytes as they arrive: {@code Content-Length}, chunked, or
     * (with neither) up to the end of the stream. A 1xx interim response is skipped.
     */
    static final class ResponseParser {

        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private boolean complete;
        private boolean malformed;
        private int end;
        private int status;
        private Map<String, List<String>> headers;
        private byte[] body;

        void feed(byte[] chunk, int offset, int length) {
            bytes.write(chunk, offset, length);
            parse(false);
        }

        void endOfStream() {
            parse(true);
        }

        boolean complete() {
            return complete;
        }

        boolean malformed() {
            return malformed;
        }

        int received() {
            return bytes.size();
        }

        byte[] receivedBytes() {
            return bytes.toByteArray();
        }

        /** Bytes that arrived after the complete response (a pipelined next one). */
        byte[] leftover() {
            byte[] all = bytes.toByteArray();
            return Arrays.copyOfRange(all, end, all.length);
        }

        ApiResponse response(Request request, Duration elapsed) {
            return new ApiResponse(request.method(), request.target(), status, HttpHeaders.of(headers, (name, value) -> true),
                    new String(body, UTF_8), elapsed);
        }

        private void parse(boolean atEnd) {
            if (complete || malformed) {
                return;
            }
            byte[] all = bytes.toByteArray();
            int start = 0;
            while (true) {
                int headEnd = indexOf(all, start, "\r\n\r\n");
                if (headEnd < 0) {
                    return;
                }
                String[] lines = new String(all, start, headEnd - start, ISO_8859_1).split("\r\n");
                String[] statusLine = lines[0].split(" ", 3);
                if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/1.") || !statusLine[1].matches("\\d{3}")) {
                    malformed = true;
                    return;
                }
                int code = Integer.parseInt(statusLine[1]);
                Map<String, List<String>> fields = new LinkedHashMap<>();
                for (int i = 1; i < lines.length; i++) {
                    int colon = lines[i].indexOf(':');
                    if (colon <= 0) {
                        malformed = true;
                        return;
                    }
                    fields.computeIfAbsent(lines[i].substring(0, colon).trim(), k -> new ArrayList<>())
                            .add(lines[i].substring(colon + 1).trim());
                }
                int bodyStart = headEnd + 4;
                if (code >= 100 && code < 200) {
                    start = bodyStart; // an interim response: the real one follows
                    continue;
                }
                String length = value(fields, "Content-Length");
                String encoding = value(fields, "Transfer-Encoding");
                if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
                    ByteArrayOutputStream decoded = new ByteArrayOutputStream();
                    int at = bodyStart;
                    while (true) {
                        int lineEnd = indexOf(all, at, "\r\n");
                        if (lineEnd < 0) {
                            return;
                        }
                        String sizeText = new String(all, at, lineEnd - at, ISO_8859_1).split(";", 2)[0].trim();
                        int size;
                        try {
                            size = Integer.parseInt(sizeText, 16);
                        } catch (NumberFormatException e) {
                            malformed = true;
                            return;
                        }
                        if (size == 0) {
                            int trailerEnd = indexOf(all, lineEnd, "\r\n\r\n");
                            if (trailerEnd < 0) {
                                return;
                            }
                            finish(code, fields, decoded.toByteArray(), trailerEnd + 4);
                            return;
                        }
                        if (all.length < lineEnd + 2 + size + 2) {
                            return;
                        }
                        decoded.write(all, lineEnd + 2, size);
                        at = lineEnd + 2 + size + 2;
                    }
                }
                if (length != null) {
                    long expected;
                    try {
                        expected = Long.parseLong(length);
                    } catch (NumberFormatException e) {
                        malformed = true;
                        return;
                    }
                    if (all.length - bodyStart >= expected) {
                        finish(code, fields, Arrays.copyOfRange(all, bodyStart, bodyStart + (int) expected),
                                bodyStart + (int) expected);
                    }
                    return;
                }
                if (code == 204 || code == 304) {
                    finish(code, fields, new byte[0], bodyStart);
                } else if (atEnd) {
                    finish(code, fields, Arrays.copyOfRange(all, bodyStart, all.length), all.length);
                }
                return;
            }
        }

        private void finish(int code, Map<String, List<String>> fields, byte[] content, int endOffset) {
            status = code;
            headers = fields;
            body = content;
            end = endOffset;
            complete = true;
        }

        private static String value(Map<String, List<String>> fields, String name) {
            for (var field : fields.entrySet()) {
                if (field.getKey().equalsIgnoreCase(name)) {
                    return field.getValue().get(0);
                }
            }
            return null;
        }

        private static int indexOf(byte[] data, int from, String token) {
            byte[] t = token.getBytes(ISO_8859_1);
            outer:
            for (int i = Math.max(0, from); i <= data.length - t.length; i++) {
                for (int j = 0; j < t.length; j++) {
                    if (data[i + j] != t[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }

    /** The checks {@link ApiClient} runs on every response; null when they pass, else why not. */
    static String contractBreak(ApiResponse response) {
        try {
            if (response.status() >= 500 && !Problems.allowedServerError(response)) {
                throw new AssertionError("The contract never allows a " + response.status() + ": " + response.describe());
            }
            if (response.status() >= 400 && !response.path().equals("/ready")) {
                Problems.assertWellFormedProblem(response);
            }
            OpenApiContract.instance().check(response);
            return null;
        } catch (AssertionError broken) {
            return broken.getMessage();
        }
    }

    private static Exchange ended(Request request, ResponseParser parser, String how, long sent, long now, boolean timedOut) {
        if (parser.complete()) {
            ApiResponse response = parser.response(request, Duration.ofNanos(now - sent));
            return new Exchange(request, Ending.ANSWERED, response, contractBreak(response), parser.receivedBytes(), "",
                    sent, now);
        }
        Ending ending = timedOut ? Ending.NO_ANSWER_IN_TIME
                : parser.received() == 0 && !parser.malformed() ? Ending.CLOSED_BEFORE_ANSWER : Ending.CUT_MID_ANSWER;
        return new Exchange(request, ending, null, null, parser.receivedBytes(), how, sent, now);
    }

    /** One client connection, used from one thread at a time (a second thread may {@link #write} while one reads). */
    public static final class Connection implements AutoCloseable {

        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private final ByteArrayOutputStream extra = new ByteArrayOutputStream();
        private byte[] pending = new byte[0];
        private boolean ended;

        private Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        /** A new connection to {@code base}'s host and port. */
        public static Connection open(URI base) throws IOException {
            return open(base, 0);
        }

        /** A new connection whose send buffer is {@code sendBuffer} bytes (0: the system's), set before connecting. */
        public static Connection open(URI base, int sendBuffer) throws IOException {
            Socket socket = new Socket();
            if (sendBuffer > 0) {
                socket.setSendBufferSize(sendBuffer);
            }
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), (int) CONNECT_TIMEOUT.toMillis());
            return new Connection(socket);
        }

        /** Writes and flushes; returns {@link System#nanoTime()} just before the first byte left. */
        public long write(byte[] bytes) throws IOException {
            long now = System.nanoTime();
            out.write(bytes);
            out.flush();
            return now;
        }

        /** Sends the whole request and reads its response; I/O failures are the exchange's ending, never thrown. */
        public Exchange exchange(Request request, Duration limit) {
            long sent = System.nanoTime();
            try {
                sent = write(request.bytes());
            } catch (IOException e) {
                ResponseParser nothing = new ResponseParser();
                // Whatever the server said before it went away still counts.
                return readAfterWriteFailure(request, nothing, sent, "write failed: " + e.getMessage());
            }
            return read(request, sent, limit);
        }

        private Exchange readAfterWriteFailure(Request request, ResponseParser parser, long sent, String how) {
            Exchange late = read(request, sent, Duration.ofMillis(500));
            return late.answered() ? late : ended(request, parser, how, sent, System.nanoTime(), false);
        }

        /** Reads the response to {@code request}, sent at {@code sentNanos}, waiting at most {@code limit} from now. */
        public Exchange read(Request request, long sentNanos, Duration limit) {
            ResponseParser parser = new ResponseParser();
            if (pending.length > 0) {
                parser.feed(pending, 0, pending.length);
                pending = new byte[0];
            }
            long deadline = System.nanoTime() + limit.toNanos();
            byte[] buffer = new byte[16 * 1024];
            while (!parser.complete() && !parser.malformed()) {
                if (ended) {
                    parser.endOfStream();
                    return ended(request, parser, "the connection had already ended", sentNanos, System.nanoTime(), false);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return ended(request, parser, "", sentNanos, System.nanoTime(), true);
                }
                try {
                    socket.setSoTimeout((int) Math.max(1, Duration.ofNanos(left).toMillis()));
                    int n = in.read(buffer);
                    if (n < 0) {
                        ended = true;
                        parser.endOfStream();
                        return ended(request, parser, "end of stream", sentNanos, System.nanoTime(), false);
                    }
                    parser.feed(buffer, 0, n);
                } catch (SocketTimeoutException e) {
                    // loop: the deadline decides
                } catch (IOException e) {
                    ended = true;
                    parser.endOfStream();
                    return ended(request, parser, e.getMessage(), sentNanos, System.nanoTime(), false);
                }
            }
            long now = System.nanoTime();
            if (parser.complete()) {
                pending = parser.leftover();
            }
            return ended(request, parser, "", sentNanos, now, false);
        }

        /**
         * Waits up to {@code wait} for something from the server: the number of bytes that arrived
         * (kept, see {@link #unsolicited()}), 0 if nothing did, or -1 once the server has closed or reset
         * the connection.
         */
        public int poll(Duration wait) {
            if (ended) {
                return -1;
            }
            byte[] buffer = new byte[16 * 1024];
            try {
                socket.setSoTimeout((int) Math.max(1, wait.toMillis()));
                int n = in.read(buffer);
                if (n < 0) {
                    ended = true;
                    return -1;
                }
                extra.write(buffer, 0, n);
                return n;
            } catch (SocketTimeoutException e) {
                return 0;
            } catch (IOException e) {
                ended = true;
                return -1;
            }
        }

        /** What {@link #poll} received, as text. */
        public String unsolicited() {
            return shown(extra.toByteArray());
        }

        /** True once a read saw the server end the connection. */
        public boolean endedByServer() {
            return ended;
        }

        /** Vanishes as a crashed client would: the connection is reset (RST), not closed in order. */
        public void abort() {
            try {
                socket.setSoLinger(true, 0);
                socket.close();
            } catch (IOException ignored) {
                // already gone: that is what an abort wants
            }
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing: nothing left to do
            }
        }
    }

    /**
     * Many connections at once, opened before anything is sent, then one request on each sent as
     * close together as the client can, and every response read by one selector thread that stamps
     * the moment it is complete: so the client itself is not what a latency measures.
     */
    public static final class Burst implements AutoCloseable {

        private final List<SocketChannel> channels = new ArrayList<>();
        private final Selector selector;
        private final AtomicInteger finished = new AtomicInteger();
        private End[] ends;
        private ResponseParser[] parsers;
        private Request[] requests;
        private long[] sent;
        private Thread reader;
        private volatile boolean stop;
        private volatile long deadline;

        private Burst(URI base, int connections) throws IOException {
            selector = Selector.open();
            try {
                for (int i = 0; i < connections; i++) {
                    SocketChannel channel = SocketChannel.open();
                    channels.add(channel);
                    channel.socket().setTcpNoDelay(true);
                    channel.socket().connect(new InetSocketAddress(base.getHost(), base.getPort()),
                            (int) CONNECT_TIMEOUT.toMillis());
                }
            } catch (IOException e) {
                close();
                throw e;
            }
        }

        /** Opens {@code connections} connections to {@code base} (blocking until each is established). */
        public static Burst open(URI base, int connections) throws IOException {
            return new Burst(base, connections);
        }

        public int size() {
            return channels.size();
        }

        /** The same request on every connection. */
        public void send(Request request) throws IOException {
            send(java.util.Collections.nCopies(channels.size(), request));
        }

        /** Request {@code i} on connection {@code i}; responses are read from now on, for at most 10 minutes. */
        public void send(List<Request> perConnection) throws IOException {
            if (perConnection.size() != channels.size()) {
                throw new IllegalArgumentException("one request a connection");
            }
            int n = channels.size();
            requests = perConnection.toArray(Request[]::new);
            ends = new End[n];
            parsers = new ResponseParser[n];
            sent = new long[n];
            for (int i = 0; i < n; i++) {
                parsers[i] = new ResponseParser();
                channels.get(i).configureBlocking(false);
                channels.get(i).register(selector, SelectionKey.OP_READ, i);
            }
            for (int i = 0; i < n; i++) {
                ByteBuffer bytes = ByteBuffer.wrap(requests[i].bytes());
                sent[i] = System.nanoTime();
                try {
                    while (bytes.hasRemaining()) {
                        if (channels.get(i).write(bytes) == 0) {
                            Thread.onSpinWait();
                        }
                    }
                } catch (IOException e) {
                    finish(i, "write failed: " + e.getMessage(), false);
                }
            }
            deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            reader = new Thread(this::readAll, "burst-reader");
            reader.setDaemon(true);
            reader.start();
        }

        /** How many exchanges have ended so far. */
        public int finished() {
            return finished.get();
        }

        /** Waits up to {@code limit} for every response; those still missing then end as NO_ANSWER_IN_TIME. */
        public List<Exchange> await(Duration limit) throws InterruptedException {
            deadline = Math.min(deadline, System.nanoTime() + limit.toNanos());
            selector.wakeup();
            reader.join(limit.toMillis() + 5_000);
            if (reader.isAlive()) {
                throw new IllegalStateException("the burst's reader did not stop");
            }
            List<Exchange> results = new ArrayList<>();
            for (int i = 0; i < channels.size(); i++) {
                results.add(result(i));
            }
            return results;
        }

        /**
         * Resets every connection whose exchange has not ended (the clients vanish) and returns the
         * exchanges that had ended before: answers that came before the abort.
         */
        public List<Exchange> abortAll() throws InterruptedException {
            stop = true;
            selector.wakeup();
            reader.join(10_000);
            List<Exchange> before = new ArrayList<>();
            for (int i = 0; i < channels.size(); i++) {
                if (ends[i] != null) {
                    before.add(result(i));
                } else {
                    try {
                        channels.get(i).socket().setSoLinger(true, 0);
                        channels.get(i).close();
                    } catch (IOException ignored) {
                        // already gone: that is what an abort wants
                    }
                }
            }
            return before;
        }

        private void readAll() {
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            try {
                while (!stop && finished.get() < channels.size()) {
                    long left = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
                    if (left <= 0) {
                        break;
                    }
                    selector.select(Math.min(left, 100));
                    for (SelectionKey key : selector.selectedKeys()) {
                        int i = (Integer) key.attachment();
                        if (ends[i] != null) {
                            continue;
                        }
                        try {
                            while (true) {
                                buffer.clear();
                                int n = ((SocketChannel) key.channel()).read(buffer);
                                if (n < 0) {
                                    parsers[i].endOfStream();
                                    finish(i, "end of stream", false);
                                    key.cancel();
                                    break;
                                }
                                if (n == 0) {
                                    break;
                                }
                                parsers[i].feed(buffer.array(), 0, n);
                                if (parsers[i].complete() || parsers[i].malformed()) {
                                    finish(i, "", false);
                                    key.cancel();
                                    break;
                                }
                            }
                        } catch (IOException e) {
                            parsers[i].endOfStream();
                            finish(i, e.getMessage(), false);
                            key.cancel();
                        }
                    }
                    selector.selectedKeys().clear();
                }
            } catch (IOException e) {
                throw new IllegalStateException("the burst's selector failed", e);
            }
            if (!stop) {
                for (int i = 0; i < ends.length; i++) {
                    if (ends[i] == null) {
                        finish(i, "", true);
                    }
                }
            }
        }

        /** Stamps the end; the checks (slow: the OpenAPI validator) run later, so they delay no other stamp. */
        private void finish(int i, String how, boolean timedOut) {
            if (ends[i] == null) {
                ends[i] = new End(System.nanoTime(), how == null ? "" : how, timedOut);
                finished.incrementAndGet();
            }
        }

        private record End(long nanos, String how, boolean timedOut) {
        }

        private Exchange result(int i) {
            End end = ends[i];
            return end == null ? null : ended(requests[i], parsers[i], end.how(), sent[i], end.nanos(), end.timedOut());
        }

        @Override
        public void close() {
            stop = true;
            selector.wakeup();
            if (reader != null) {
                try {
                    reader.join(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            for (SocketChannel channel : channels) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // closing: nothing left to do
                }
            }
            try {
                selector.close();
            } catch (IOException ignored) {
                // closing: nothing left to do
            }
        }
    }
}
