package dev.slowfast.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServerSettingsTest {

    @Test
    void defaultsAreTheContracts() {
        var settings = ServerSettings.read(new Environment(Map.of()), 8081);
        assertEquals(8081, settings.port());
        assertEquals(DatabaseUrl.parse("postgresql://postgres@127.0.0.1:5432/postgres"), settings.database());
        assertEquals(10, settings.dbPoolSize());
        assertEquals(Duration.ofSeconds(30), settings.shutdownGrace());
        assertEquals(10_000, settings.maxInFlight());
        assertEquals(Duration.ofSeconds(1), settings.dbAcquireTimeout());
        assertEquals(Duration.ofSeconds(10), settings.headerTimeout());
        assertTrue(settings.metricsOn());
    }

    @Test
    void metricsCanBeSwitchedOffAndNothingElseIsAccepted() {
        assertFalse(ServerSettings.read(new Environment(Map.of("METRICS", "off")), 8081).metricsOn());
        assertTrue(ServerSettings.read(new Environment(Map.of("METRICS", "ON")), 8081).metricsOn());
        var e = assertThrows(ConfigurationException.class,
                () -> ServerSettings.read(new Environment(Map.of("METRICS", "false")), 8081));
        assertTrue(e.getMessage().startsWith("METRICS must be one of 'on', 'off'"), e.getMessage());
    }

    @Test
    void blankMeansUnsetAndValuesAreStripped() {
        var settings = ServerSettings.read(new Environment(Map.of("PORT", " ", "MAX_IN_FLIGHT", " 7 ")), 8082);
        assertEquals(8082, settings.port());
        assertEquals(7, settings.maxInFlight());
    }

    @ParameterizedTest
    @CsvSource({"PORT,65536", "PORT,-1", "DB_POOL_SIZE,0", "DB_POOL_SIZE,1001", "SHUTDOWN_GRACE_MS,3600001",
            "MAX_IN_FLIGHT,0", "DB_ACQUIRE_TIMEOUT_MS,249", "HEADER_TIMEOUT_MS,0", "PORT,eighty", "MAX_IN_FLIGHT,1e3"})
    void outOfBoundsOrNotAnIntegerNamesTheVariable(String name, String value) {
        var e = assertThrows(ConfigurationException.class, () -> ServerSettings.read(new Environment(Map.of(name, value)), 8081));
        assertTrue(e.getMessage().startsWith(name + " must be an integer from "), e.getMessage());
    }

    @Test
    void aBadDatabaseUrlNeverEchoesItsPassword() {
        var e = assertThrows(ConfigurationException.class, () -> ServerSettings.read(
                new Environment(Map.of("DATABASE_URL", "mysql://u:s3cret@h/db")), 8081));
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
        assertTrue(e.getMessage().startsWith("DATABASE_URL"), e.getMessage());
    }

    enum Model { PLATFORM, VIRTUAL }

    @Test
    void choicesAreCaseInsensitiveAndListedWhenWrong() {
        var env = new Environment(Map.of("THREAD_MODEL", "Virtual", "OTHER", "green"));
        assertEquals(Model.VIRTUAL, env.choice("THREAD_MODEL", Model.class, Model.PLATFORM));
        var e = assertThrows(ConfigurationException.class, () -> env.choice("OTHER", Model.class, Model.PLATFORM));
        assertEquals("OTHER must be one of 'platform', 'virtual', got 'green'", e.getMessage());
    }
}
