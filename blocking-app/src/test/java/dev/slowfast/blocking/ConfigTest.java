package dev.slowfast.blocking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigTest {

    @Test
    void defaults() {
        var config = Config.from(Map.of());

        assertEquals(8081, config.port());
        assertEquals("jdbc:postgresql://127.0.0.1:5432/postgres", config.database().jdbcUrl());
        assertEquals("postgres", config.database().user());
        assertNull(config.database().password());
        assertEquals(10, config.dbPoolSize());
        assertEquals(ThreadModel.PLATFORM, config.threadModel());
        assertEquals(200, config.workerThreads());
        assertEquals(Duration.ofSeconds(30), config.shutdownGrace());
        assertEquals(10_000, config.maxInFlight());
        assertEquals(Duration.ofSeconds(1), config.dbAcquireTimeout());
        assertEquals(Duration.ofSeconds(10), config.headerTimeout());
    }

    @Test
    void readsEveryVariable() {
        var config = Config.from(Map.of(
                "PORT", "0",
                "DATABASE_URL", "postgres://app:secret@db.example:6543/contacts",
                "DB_POOL_SIZE", "4",
                "THREAD_MODEL", "virtual",
                "WORKER_THREADS", "1",
                "SHUTDOWN_GRACE_MS", "5000",
                "MAX_IN_FLIGHT", "3",
                "DB_ACQUIRE_TIMEOUT_MS", "250",
                "HEADER_TIMEOUT_MS", "700"));

        assertEquals(0, config.port());
        assertEquals("jdbc:postgresql://db.example:6543/contacts", config.database().jdbcUrl());
        assertEquals("app", config.database().user());
        assertEquals("secret", config.database().password());
        assertEquals(4, config.dbPoolSize());
        assertEquals(ThreadModel.VIRTUAL, config.threadModel());
        assertEquals(1, config.workerThreads());
        assertEquals(Duration.ofMillis(5000), config.shutdownGrace());
        assertEquals(3, config.maxInFlight());
        assertEquals(Duration.ofMillis(250), config.dbAcquireTimeout());
        assertEquals(Duration.ofMillis(700), config.headerTimeout());
    }

    @Test
    void emptyVariablesTakeTheirDefaults() {
        assertEquals(8081, Config.from(Map.of("PORT", "")).port());
    }

    @Test
    void urlEncodedCredentialsAreDecoded() {
        var url = DatabaseUrl.parse("postgresql://us%40er:p%40ss%3Aw+rd%2F%25@localhost/db");

        assertEquals("us@er", url.user());
        assertEquals("p@ss:w+rd/%", url.password());
        assertEquals("jdbc:postgresql://localhost:5432/db", url.jdbcUrl());
    }

    @Test
    void queryParametersAreKeptForTheDriver() {
        var url = DatabaseUrl.parse("postgresql://u@h:5433/d?sslmode=require");

        assertEquals("jdbc:postgresql://h:5433/d?sslmode=require", url.jdbcUrl());
    }

    @Test
    void thePasswordNeverShowsInToString() {
        var config = Config.from(Map.of("DATABASE_URL", "postgresql://u:topsecret@h/d"));

        assertFalse(config.toString().contains("topsecret"), config::toString);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
            "PORT, abc",
            "PORT, 70000",
            "PORT, -1",
            "DB_POOL_SIZE, 0",
            "WORKER_THREADS, 0",
            "WORKER_THREADS, many",
            "THREAD_MODEL, green",
            "SHUTDOWN_GRACE_MS, -1",
            "SHUTDOWN_GRACE_MS, soon",
            "MAX_IN_FLIGHT, 0",
            "DB_ACQUIRE_TIMEOUT_MS, 100",
            "HEADER_TIMEOUT_MS, 0",
            "DATABASE_URL, mysql://u@h/d",
            "DATABASE_URL, postgresql://u@h",
            "DATABASE_URL, not a url"})
    void invalidValuesFailWithTheVariableName(String name, String value) {
        var e = assertThrows(IllegalArgumentException.class, () -> Config.from(Map.of(name, value)));
        assertTrue(e.getMessage().contains(name), e.getMessage());
    }

    @Test
    void anInvalidDatabaseUrlIsReportedWithoutItsPassword() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Config.from(Map.of("DATABASE_URL", "mysql://u:topsecret@h/d")));
        assertFalse(e.getMessage().contains("topsecret"), e.getMessage());
    }
}
