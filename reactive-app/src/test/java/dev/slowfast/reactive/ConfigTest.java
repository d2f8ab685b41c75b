package dev.slowfast.reactive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.slowfast.rules.Environment;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What Boot is handed: the kernel's reading of the environment (its rules are tested in api-rules). */
class ConfigTest {

    @Test
    void bootSeesTheValuesTheKernelAccepted() {
        Map<String, Object> properties = Config.from(new Environment(Map.of(
                "PORT", " 9090 ",
                "DB_POOL_SIZE", " ",
                "SHUTDOWN_GRACE_MS", "1500",
                "DB_ACQUIRE_TIMEOUT_MS", "500"))).properties();

        assertEquals(9090, properties.get("PORT"));
        assertEquals(10, properties.get("DB_POOL_SIZE"));
        assertEquals(1500L, properties.get("SHUTDOWN_GRACE_MS"));
        assertEquals(500L, properties.get("DB_ACQUIRE_TIMEOUT_MS"));
    }

    /** Boot's management.* switches and AppMetrics' condition read METRICS as a boolean. */
    @Test
    void metricsIsOnUnlessTurnedOff() {
        assertEquals(true, Config.from(new Environment(Map.of())).properties().get("METRICS"));
        assertEquals(false, Config.from(new Environment(Map.of("METRICS", "off"))).properties().get("METRICS"));
    }

    @Test
    void theDefaultPortIsReactiveAppsOwn() {
        assertEquals(8083, Config.from(new Environment(Map.of())).properties().get("PORT"));
    }

    @Test
    void r2dbcGetsTheDatabaseUrlInPartsSoAPlusInThePasswordStaysAPlus() {
        Map<String, Object> properties = Config.from(new Environment(Map.of(
                "DATABASE_URL", "postgres://us%40er:p%3Ass+w@db.example:6543/slowfast"))).properties();

        assertEquals("r2dbc:postgresql://db.example:6543/slowfast", properties.get("spring.r2dbc.url"));
        assertEquals("us@er", properties.get("spring.r2dbc.username"));
        assertEquals("p:ss+w", properties.get("spring.r2dbc.password"));
    }

    @Test
    void withoutAUserR2dbcConnectsAsTheOsUserLikeLibpq() {
        Map<String, Object> properties = Config.from(new Environment(Map.of(
                "DATABASE_URL", "postgresql://127.0.0.1/postgres"))).properties();

        assertEquals(System.getProperty("user.name"), properties.get("spring.r2dbc.username"));
        assertFalse(properties.containsKey("spring.r2dbc.password"));
    }
}
