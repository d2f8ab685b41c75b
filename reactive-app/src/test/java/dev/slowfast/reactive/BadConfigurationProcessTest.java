package dev.slowfast.reactive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slowfast.rules.ConfigurationException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The jar refuses a bad environment like the other apps: exit 2, one line on stderr, no trace, no secret. */
class BadConfigurationProcessTest {

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "DB_POOL_SIZE          | 0",
            "DB_ACQUIRE_TIMEOUT_MS | 100",
            "PORT                  | eighty",
            "DATABASE_URL          | mysql://root:s3cret@127.0.0.1/db"})
    void exitsWithStatus2AndSaysWhy(String variable, String value) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-jar", Path.of("target/reactive-app.jar").toAbsolutePath().toString());
        builder.environment().put(variable, value);
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "exited");
        assertEquals(ConfigurationException.EXIT_STATUS, process.exitValue(), stderr);
        assertTrue(stderr.lines().anyMatch(line -> line.startsWith("reactive-app: invalid configuration: " + variable)), stderr);
        assertFalse(stderr.contains("\tat ") || stderr.contains("Exception"), () -> "no stack trace: " + stderr);
        assertFalse(stderr.contains("s3cret"), stderr);
    }
}
