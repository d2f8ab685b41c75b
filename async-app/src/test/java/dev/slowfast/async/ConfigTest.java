package dev.slowfast.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slowfast.rules.ConfigurationException;
import dev.slowfast.rules.Environment;
import dev.slowfast.rules.ServerSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** async-app's own part of the configuration; the common variables are tested in api-rules (ServerSettingsTest). */
class ConfigTest {

    @Test
    void defaultsToPort8082AndOneEventLoopPerCore() {
        Config config = Config.from(new Environment(Map.of()));
        assertEquals(ServerSettings.read(new Environment(Map.of()), 8082), config.server());
        assertEquals(Runtime.getRuntime().availableProcessors(), config.eventLoops());
    }

    @Test
    void readsEventLoopsAndTheCommonVariables() {
        Config config = Config.from(new Environment(Map.of("EVENT_LOOPS", "3", "PORT", "0", "MAX_IN_FLIGHT", "64")));
        assertEquals(3, config.eventLoops());
        assertEquals(0, config.server().port());
        assertEquals(64, config.server().maxInFlight());
    }

    @ParameterizedTest(name = "EVENT_LOOPS={0}")
    @ValueSource(strings = {"0", "1025", "many", "1.5"})
    void refusesEventLoopsOutside1To1024(String value) {
        var error = assertThrows(ConfigurationException.class, () -> Config.from(new Environment(Map.of("EVENT_LOOPS", value))));
        assertTrue(error.getMessage().startsWith("EVENT_LOOPS must be an integer from 1 to 1024"), error::getMessage);
    }

    @Test
    void printingTheConfigNeverShowsThePassword() {
        Config config = Config.from(new Environment(Map.of("DATABASE_URL", "postgresql://app:hunter2@db.example.org:6543/contacts")));
        assertFalse(config.toString().contains("hunter2"), config::toString);
        assertTrue(config.toString().contains("db.example.org:6543/contacts"), config::toString);
    }
}
