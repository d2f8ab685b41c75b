package dev.slowfast.reactive;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slowfast.contract.RunningApp;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Guards against reactor/reactor-netty#4361 (fixed in the Reactor Netty 1.3.8 the pom pins): an
 * asynchronous answer followed on the same connection by a pipelined synchronous one left the
 * connection unread, so the next request hung.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeepAliveTest {

    @AutoClose
    private final RunningApp app = TestApps.startWithoutDatabase(Map.of());

    @Test
    void aRequestAfterAPipelinedSynchronousAnswerIsStillServed() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", app.baseUri().getPort())) {
            socket.setSoTimeout(3_000); // a hang shows up as a SocketTimeoutException
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), US_ASCII));

            out.write((get("/slow?ms=20") + get("/fast")).getBytes(US_ASCII)); // async, then sync
            out.flush();
            List<String> statuses = new ArrayList<>(List.of(readStatus(in), readStatus(in)));
            out.write(get("/fast").getBytes(US_ASCII));
            out.flush();
            statuses.add(readStatus(in));

            assertEquals(List.of("200", "200", "200"), statuses);
        }
    }

    private static String get(String target) {
        return "GET " + target + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
    }

    /** Reads one response and returns its status code. */
    private static String readStatus(BufferedReader in) throws IOException {
        String status = in.readLine().split(" ")[1];
        int length = 0;
        for (String line = in.readLine(); !line.isEmpty(); line = in.readLine()) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring("content-length:".length()).strip());
            }
        }
        in.read(new char[length]); // ASCII JSON bodies, one char per byte, small enough for one read
        return status;
    }
}
