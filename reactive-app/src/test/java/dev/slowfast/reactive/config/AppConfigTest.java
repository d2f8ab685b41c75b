package dev.slowfast.reactive.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppConfigTest {

    @Test
    void defaultsWhenNothingIsSet() {
        AppConfig config = AppConfig.fromEnvironment(Map.of());

        assertEquals(8083, config.port());
        assertEquals(10, config.dbPoolSize());
        assertEquals(new DatabaseUrl("127.0.0.1", 5432, "postgres", "postgres", null), config.database());
        assertEquals(Duration.ofSeconds(30), config.shutdownGrace());
        assertEquals(10_000, config.maxInFlight());
        assertEquals(Duration.ofSeconds(1), config.dbAcquireTimeout());
        assertEquals(Duration.ofSeconds(10), config.headerTimeout());
    }

    @Test
    void readsEveryVariable() {
        AppConfig config = AppConfig.fromEnvironment(Map.of(
                "PORT", "0",
                "DATABASE_URL", "postgresql://app:s3cret@db.example:6543/slowfast",
                "DB_POOL_SIZE", "25",
                "SHUTDOWN_GRACE_MS", "1500",
                "MAX_IN_FLIGHT", "4",
                "DB_ACQUIRE_TIMEOUT_MS", "500",
                "HEADER_TIMEOUT_MS", "2000"));

        assertEquals(0, config.port());
        assertEquals(25, config.dbPoolSize());
        assertEquals(new DatabaseUrl("db.example", 6543, "slowfast", "app", "s3cret"), config.database());
        assertEquals(Duration.ofMillis(1500), config.shutdownGrace());
        assertEquals(4, config.maxInFlight());
        assertEquals(Duration.ofMillis(500), config.dbAcquireTimeout());
        assertEquals(Duration.ofMillis(2000), config.headerTimeout());
    }

    @Test
    void blankValuesMeanTheDefault() {
        assertEquals(8083, AppConfig.fromEnvironment(Map.of("PORT", " ")).port());
    }

    @Test
    void acceptsThePostgresSchemeAndPercentEncodedCredentials() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://us%40er:p%3Ass+w@localhost/db");

        assertEquals("us@er", url.user());
        assertEquals("p:ss+w", url.password());
        assertEquals(5432, url.port());
        assertEquals("db", url.database());
    }

    @Test
    void userWithoutPassword() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://postgres@127.0.0.1:5432/postgres");

        assertEquals("postgres", url.user());
        assertNull(url.password());
    }

    @Test
    void neverPrintsThePassword() {
        assertEquals("postgresql://app:***@h:5432/d", DatabaseUrl.parse("postgresql://app:secret@h/d").toString());
    }

    @Test
    void refusesWhatItCannotUse() {
        assertThrows(IllegalArgumentException.class, () -> AppConfig.fromEnvironment(Map.of("PORT", "eighty")));
        assertThrows(IllegalArgumentException.class, () -> AppConfig.fromEnvironment(Map.of("PORT", "70000")));
        assertThrows(IllegalArgumentException.class, () -> AppConfig.fromEnvironment(Map.of("DB_POOL_SIZE", "0")));
        assertThrows(IllegalArgumentException.class, () -> AppConfig.fromEnvironment(Map.of("SHUTDOWN_GRACE_MS", "-1")));
        assertThrows(IllegalArgumentException.class, () -> AppConfig.fromEnvironment(Map.of("MAX_IN_FLIGHT", "0")));
        assertThrows(IllegalArgumentException.class, () -> AppConfig.fromEnvironment(Map.of("DB_ACQUIRE_TIMEOUT_MS", "0")));
        assertThrows(IllegalArgumentException.class, () -> AppConfig.fromEnvironment(Map.of("HEADER_TIMEOUT_MS", "ten")));
        assertThrows(IllegalArgumentException.class,
                () -> AppConfig.fromEnvironment(Map.of("DATABASE_URL", "mysql://root@localhost/db")));
        assertThrows(IllegalArgumentException.class,
                () -> AppConfig.fromEnvironment(Map.of("DATABASE_URL", "postgresql:///db")));
    }
}
