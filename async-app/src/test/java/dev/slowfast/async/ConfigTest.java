package dev.slowfast.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigTest {

    @Test
    void everyVariableHasADefault() {
        Config config = Config.fromEnvironment(Map.of());
        assertEquals(8082, config.port());
        assertEquals("postgresql://postgres@127.0.0.1:5432/postgres", config.databaseUrl());
        assertEquals(10, config.dbPoolSize());
        assertEquals(Runtime.getRuntime().availableProcessors(), config.eventLoops());
        assertEquals(30_000, config.shutdownGraceMs());
        assertEquals(10_000, config.maxInFlight());
        assertEquals(1_000, config.dbAcquireTimeoutMs());
        assertEquals(10_000, config.headerTimeoutMs());
    }

    @Test
    void readsEveryVariable() {
        Config config = Config.fromEnvironment(Map.of(
                "PORT", "0",
                "DATABASE_URL", "postgresql://app:secret@db.example.org:6543/contacts",
                "DB_POOL_SIZE", "25",
                "EVENT_LOOPS", "3",
                "SHUTDOWN_GRACE_MS", "5000",
                "MAX_IN_FLIGHT", "64",
                "DB_ACQUIRE_TIMEOUT_MS", "250",
                "HEADER_TIMEOUT_MS", "2000"));
        assertEquals(new Config(0, "postgresql://app:secret@db.example.org:6543/contacts", 25, 3, 5000, 64, 250, 2000), config);
        var connect = config.connectOptions();
        assertEquals("db.example.org", connect.getHost());
        assertEquals(6543, connect.getPort());
        assertEquals("contacts", connect.getDatabase());
        assertEquals("app", connect.getUser());
        assertEquals("secret", connect.getPassword());
    }

    @Test
    void acceptsThePostgresScheme() {
        Config config = Config.fromEnvironment(Map.of("DATABASE_URL", "postgres://u@localhost/db"));
        assertEquals("localhost", config.connectOptions().getHost());
    }

    @Test
    void blankMeansUnset() {
        assertEquals(8082, Config.fromEnvironment(Map.of("PORT", " ")).port());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"PORT, 65536", "PORT, -1", "PORT, eighty", "DB_POOL_SIZE, 0", "DB_POOL_SIZE, 1.5",
            "EVENT_LOOPS, 0", "SHUTDOWN_GRACE_MS, -1", "MAX_IN_FLIGHT, 0", "DB_ACQUIRE_TIMEOUT_MS, 0",
            "HEADER_TIMEOUT_MS, 0", "HEADER_TIMEOUT_MS, soon", "DATABASE_URL, mysql://db/x", "DATABASE_URL, postgresql://a b@host/db"})
    void refusesBadValuesNamingTheVariable(String variable, String value) {
        var error = assertThrows(IllegalArgumentException.class, () -> Config.fromEnvironment(Map.of(variable, value)));
        assertTrue(error.getMessage().startsWith(variable), error::getMessage);
    }

    @Test
    void neverEchoesThePasswordOfABadUrl() {
        var error = assertThrows(IllegalArgumentException.class,
                () -> Config.fromEnvironment(Map.of("DATABASE_URL", "postgresql://user:hunter2@ho st/db")));
        assertTrue(!error.getMessage().contains("hunter2"), error::getMessage);
    }
}
