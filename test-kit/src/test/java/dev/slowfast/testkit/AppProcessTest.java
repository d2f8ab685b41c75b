package dev.slowfast.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real process: {@link FakeApp} from this module's test classes, started through a one-line jar. */
class AppProcessTest {

    @TempDir
    static Path dir;
    private static Path jar;

    @BeforeAll
    static void writeJar() throws Exception {
        var manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeApp.class.getName());
        Path classes = Path.of(FakeApp.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classes.toUri().toString());
        jar = dir.resolve("fake-app.jar");
        try (OutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            // the manifest is the whole jar
        }
    }

    @Test
    void startsWaitsForHealthPassesTheEnvironmentAndStopsOnSigterm() throws Exception {
        try (AppProcess app = AppProcess.start(jar, Map.of("GREETING", "hello"))) {
            var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(app.baseUri().resolve("/greeting")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals("hello on " + app.port(), response.body());
            assertTrue(app.isAlive());
            app.terminate();
            assertEquals(143, app.awaitExit(Duration.ofSeconds(10)));
            assertTrue(app.output().contains("fake app listening"), app.output());
        }
    }

    @Test
    void stopWithGraceDescribesHowItEnded() throws Exception {
        Path log = dir.resolve("logs/kept.log");
        AppProcess app = AppProcess.launcher(jar).log(log).stopGrace(Duration.ofSeconds(10)).start().awaitHealthy(Duration.ofSeconds(30));
        app.close();
        assertFalse(app.isAlive());
        assertEquals("stopped by SIGTERM, exit status 143", app.stopDescription());
        assertTrue(Files.exists(log), "a log the caller named is kept");
        assertTrue(AppProcess.tail(log, 1).contains("fake app"), AppProcess.tail(log, 5));
    }

    @Test
    void anAppThatExitsWhileStartingIsReportedWithItsStatusAndOutput() throws Exception {
        try (AppProcess app = AppProcess.launcher(jar).env("FAKE_EXIT", "2").start()) {
            var failure = assertThrows(IllegalStateException.class, () -> app.awaitHealthy(Duration.ofSeconds(30)));
            assertTrue(failure.getMessage().contains("status 2"), failure.getMessage());
            assertTrue(failure.getMessage().contains("FAKE_EXIT asked for it"), failure.getMessage());
            assertEquals(2, app.awaitExit(Duration.ofSeconds(1)));
        }
    }
}
