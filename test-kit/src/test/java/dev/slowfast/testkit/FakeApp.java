package dev.slowfast.testkit;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** Stands in for an app in {@link AppProcessTest}: reads PORT, answers /health, exits 2 when FAKE_EXIT=2. */
public final class FakeApp {

    private FakeApp() {
    }

    public static void main(String[] args) throws Exception {
        if ("2".equals(System.getenv("FAKE_EXIT"))) {
            System.err.println("FAKE_EXIT asked for it");
            System.exit(2);
        }
        int port = Integer.parseInt(System.getenv("PORT"));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/health", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.createContext("/greeting", exchange -> {
            byte[] body = (System.getenv("GREETING") + " on " + port).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        System.out.println("fake app listening on " + port);
    }
}
