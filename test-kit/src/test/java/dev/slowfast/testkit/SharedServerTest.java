package dev.slowfast.testkit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slowfast.rules.DatabaseUrl;
import java.sql.Connection;
import org.junit.jupiter.api.Test;

/** Against the server {@link PostgresServer#shared()} finds; like the contract suites, it never skips. */
class SharedServerTest {

    @Test
    void aCreatedDatabaseIsEmptyAndReachableAndGoneAfterClose() throws Exception {
        PostgresServer server = PostgresServer.shared();
        assertSame(server, PostgresServer.shared(), "found once per JVM");
        String name;
        try (TestDatabase database = server.createDatabase()) {
            name = database.databaseUrl().database();
            try (Connection connection = PostgresServer.connect(DatabaseUrl.parse(database.url()));
                    var rows = connection.createStatement().executeQuery(
                            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")) {
                assertTrue(rows.next());
                assertTrue(rows.getLong(1) == 0, "a fresh database has no tables");
            }
            assertTrue(server.databasesNamed(DatabaseNames.PREFIX).contains(name));
        }
        assertFalse(server.databasesNamed(DatabaseNames.PREFIX).contains(name), "dropped on close");
        assertFalse(server.source().isBlank());
    }
}
