package dev.slowfast.loadtest.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppLogErrorsTest {

    @Test
    void fatalJvmErrorsAreCountedByKind(@TempDir Path dir) throws Exception {
        Path log = Files.writeString(dir.resolve("app.log"), """
                started on port 8081
                Exception: java.lang.OutOfMemoryError thrown from the UncaughtExceptionHandler in thread "jetty-29"
                OpenJDK 64-Bit Server VM warning: Exception java.lang.OutOfMemoryError occurred dispatching signal SIGTERM
                java.lang.StackOverflowError
                """);
        assertEquals("OutOfMemoryError in 2 lines, StackOverflowError in 1 line", AppLogErrors.of(log));
    }

    @Test
    void aCleanOrMissingLogHasNone(@TempDir Path dir) throws Exception {
        assertNull(AppLogErrors.of(Files.writeString(dir.resolve("app.log"), "started\nstopped\n")));
        assertNull(AppLogErrors.of(dir.resolve("absent.log")));
    }
}
