package dev.slowfast.reactive;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slowfast.contract.RunningApp;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The header deadline (netty/HeaderTimeout) times the request head only: a trickled head is cut off,
 * but a kept-alive connection that sits idle between requests is not.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(NoBlockingCalls.class)
class HeaderTimeoutTest {

    private static final int TIMEOUT_MS = 500;

    @AutoClose
    private final RunningApp app = TestApps.startWithoutDatabase(Map.of("HEADER_TIMEOUT_MS", String.valueOf(TIMEOUT_MS)));

    @Test
    void anIdleKeptAliveConnectionServesItsNextRequest() throws Exception {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), US_ASCII));
            out.write(get("/fast").getBytes(US_ASCII));
            assertEquals("HTTP/1.1 200 OK", readResponse(in));

            Thread.sleep(3 * TIMEOUT_MS); // idle between requests: not a slow head

            out.write(get("/fast").getBytes(US_ASCII));
            assertEquals("HTTP/1.1 200 OK", readResponse(in));
        }
    }

    @Test
    void aHeadTrickledPastTheDeadlineIsCutOff() throws Exception {
        try (Socket socket = connect()) {
            socket.setSoTimeout(100);
            OutputStream out = socket.getOutputStream();
            out.write("GET /fast HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Trickle: ".getBytes(US_ASCII));
            long started = System.nanoTime();
            int read = 0;
            while (read == 0 && elapsedMs(started) < 5_000) {
                try {
                    out.write('a'); // every byte arrives well within any idle timeout
                    read = socket.getInputStream().read();
                } catch (SocketTimeoutException stillOpen) {
                    // keep trickling
                } catch (IOException reset) {
                    read = -1;
                }
            }
            assertEquals(-1, read, "the connection was closed without an answer");
            long took = elapsedMs(started);
            assertTrue(took >= TIMEOUT_MS - 100 && took < 3 * TIMEOUT_MS, "closed after " + took + " ms");
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", app.baseUri().getPort());
        socket.setSoTimeout(3_000);
        return socket;
    }

    private static String get(String target) {
        return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    }

    /** The status line; the rest of the (small, Content-Length framed) response is skipped. */
    private static String readResponse(BufferedReader in) throws IOException {
        String status = in.readLine();
        int length = 0;
        for (String line; !(line = in.readLine()).isEmpty(); ) {
            if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
                length = Integer.parseInt(line.substring(15).strip());
            }
        }
        for (long left = length; left > 0; ) {
            left -= in.skip(left); // an ASCII JSON body: one char per byte
        }
        return status;
    }

    private static long elapsedMs(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
