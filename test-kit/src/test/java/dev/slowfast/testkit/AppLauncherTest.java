package dev.slowfast.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppLauncherTest {

    private static final Path JAR = Path.of("/apps/demo.jar");

    @Test
    void theCommandIsPrefixThenThisJavaThenOptionsThenTheJar() {
        var launcher = AppProcess.launcher(JAR).commandPrefix(List.of("taskset", "-c", "2,3")).jvmOptions(List.of("-Xmx1g", "-XX:+UseG1GC"));
        assertEquals(List.of("taskset", "-c", "2,3", AppLauncher.currentJava(), "-Xmx1g", "-XX:+UseG1GC", "-jar", "/apps/demo.jar"),
                launcher.command());
    }

    @Test
    void theDefaultCommandCapsTheHeap() {
        assertEquals(List.of(AppLauncher.currentJava(), "-Xmx256m", "-jar", "/apps/demo.jar"), AppProcess.launcher(JAR).command());
    }

    @Test
    void appVariablesOfTheCallerNeverLeakInButOtherVariablesDo() {
        var env = AppProcess.launcher(JAR).env("THREAD_MODEL", "virtual")
                .environment(Map.of("DATABASE_URL", "postgresql://elsewhere/db", "MAX_IN_FLIGHT", "1", "HOME", "/home/me"), 41234);
        assertEquals(Map.of("PORT", "41234", "THREAD_MODEL", "virtual", "HOME", "/home/me"), env);
    }

    @Test
    void aPortSetByTheCallerWinsOverTheFreeOne() {
        var env = AppProcess.launcher(JAR).env(Map.of("PORT", "65536")).environment(Map.of(), 41234);
        assertEquals("65536", env.get("PORT"));
    }

    @Test
    void aMissingJarIsNamed() {
        var failure = assertThrows(IllegalStateException.class, () -> AppProcess.launcher(Path.of("target/nope.jar")).start());
        assertTrue(failure.getMessage().contains("nope.jar"), failure.getMessage());
    }

    @Test
    void aFreePortIsAPort() throws Exception {
        int port = AppLauncher.freePort();
        assertTrue(port > 0 && port <= 65_535);
        assertFalse(AppLauncher.APP_VARIABLES.contains("HOME"));
    }
}
