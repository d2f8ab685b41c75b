package dev.slowfast.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slowfast.rules.ConfigurationException;
import dev.slowfast.rules.DatabaseUrl;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PostgresServerTest {

    @Test
    void noServerNamesTheThreeWaysAndWhatWasTried() {
        var search = new PostgresServer.Search(Optional.empty(), List.of("CONTRACT_DATABASE_URL is not set", "no Docker engine answers"),
                "CONTRACT_DATABASE_URL");
        String message = assertThrows(IllegalStateException.class, search::orElseThrow).getMessage();
        assertTrue(message.contains("CONTRACT_DATABASE_URL=postgresql://"), message);
        assertTrue(message.contains("Docker engine, so Testcontainers can start postgres:17-alpine"), message);
        assertTrue(message.contains("127.0.0.1:5432 that accepts user 'postgres'"), message);
        assertTrue(message.contains("(CONTRACT_DATABASE_URL is not set; no Docker engine answers)"), message);
    }

    @Test
    void aConfiguredUrlThatIsNotPostgresqlIsRefusedWithoutItsPassword() {
        var failure = assertThrows(ConfigurationException.class,
                () -> PostgresServer.find("mysql://u:s3cret@h/db", "CONTRACT_DATABASE_URL", false));
        assertFalse(failure.getMessage().contains("s3cret"), failure.getMessage());
    }

    @Test
    void aConfiguredUrlThatDoesNotConnectFailsInsteadOfFallingBack() throws Exception {
        int closed = AppLauncher.freePort();
        var failure = assertThrows(IllegalStateException.class,
                () -> PostgresServer.find("postgresql://u:s3cret@127.0.0.1:" + closed + "/db", "DATABASE_URL", false));
        assertTrue(failure.getMessage().startsWith("DATABASE_URL is set to postgresql://u:***@127.0.0.1:" + closed + "/db"),
                failure.getMessage());
        assertFalse(failure.getMessage().contains("s3cret"), failure.getMessage());
    }

    @Test
    void freshNamesAreUniqueAndOnlyOldOnesAreStale() {
        String name = DatabaseNames.fresh();
        assertTrue(name.matches("slowfast_test_\\d+_[0-9a-f]+"), name);
        assertTrue(name.length() <= 63, "PostgreSQL truncates identifiers beyond 63 bytes");
        assertFalse(name.equals(DatabaseNames.fresh()));
        assertFalse(DatabaseNames.isStale(name, Instant.now()));
        assertTrue(DatabaseNames.isStale(name, Instant.now().plus(Duration.ofHours(25))));
        assertFalse(DatabaseNames.isStale("slowfast_test_production", Instant.now().plus(Duration.ofDays(999))));
        assertFalse(DatabaseNames.isStale("contacts", Instant.now().plus(Duration.ofDays(999))));
    }

    @Test
    void aTestDatabaseGivesItsUrlWithPasswordToAppsAndWithoutToPrint() throws Exception {
        boolean[] dropped = {false};
        var database = new TestDatabase(DatabaseUrl.parse("postgresql://app:p%40ss@db.example:6543/t1"), () -> dropped[0] = true);
        assertEquals("postgresql://app:p%40ss@db.example:6543/t1", database.url());
        assertEquals("postgresql://app:p%40ss@127.0.0.1:40000/t1", database.urlVia("127.0.0.1", 40000));
        assertEquals("postgresql://app:***@db.example:6543/t1", database.toString());
        database.close();
        assertTrue(dropped[0]);
    }
}
