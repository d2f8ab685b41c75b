package dev.slowfast.blocking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slowfast.blocking.jetty.ThreadModel;
import dev.slowfast.rules.ConfigurationException;
import dev.slowfast.rules.Environment;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** blocking-app's own variables; the common ones (ServerSettings, DatabaseUrl) are tested in api-rules. */
class ConfigTest {

    @Test
    void defaults() {
        var config = Config.from(new Environment(Map.of()));

        assertEquals(8081, config.server().port());
        assertEquals(ThreadModel.PLATFORM, config.threadModel());
        assertEquals(200, config.workerThreads());
    }

    @Test
    void readsTheThreadVariables() {
        var config = Config.from(new Environment(Map.of("THREAD_MODEL", "virtual", "WORKER_THREADS", "1")));

        assertEquals(ThreadModel.VIRTUAL, config.threadModel());
        assertEquals(1, config.workerThreads());
    }

    @Test
    void thePasswordNeverShowsInToString() {
        var config = Config.from(new Environment(Map.of("DATABASE_URL", "postgresql://u:topsecret@h/d")));

        assertFalse(config.toString().contains("topsecret"), config::toString);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"WORKER_THREADS, 0", "WORKER_THREADS, 10001", "WORKER_THREADS, many", "THREAD_MODEL, green"})
    void invalidValuesFailWithTheVariableName(String name, String value) {
        var e = assertThrows(ConfigurationException.class, () -> Config.from(new Environment(Map.of(name, value))));
        assertTrue(e.getMessage().startsWith(name), e.getMessage());
    }
}
