package dev.slowfast.async.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slowfast.rules.DatabaseUrl;
import io.vertx.pgclient.PgConnectOptions;
import org.junit.jupiter.api.Test;

class DatabaseTest {

    @Test
    void connectsWithTheParsedPartsOfTheUrl() {
        PgConnectOptions connect = Database.connectOptions(DatabaseUrl.parse("postgresql://app:s%40cret@db.example.org:6543/contacts"));
        assertEquals("db.example.org", connect.getHost());
        assertEquals(6543, connect.getPort());
        assertEquals("contacts", connect.getDatabase());
        assertEquals("app", connect.getUser());
        assertEquals("s@cret", connect.getPassword());
    }

    @Test
    void leavesTheClientsDefaultsForWhatTheUrlLeavesOut() {
        PgConnectOptions connect = Database.connectOptions(DatabaseUrl.parse("postgres://localhost/db"));
        assertEquals("localhost", connect.getHost());
        assertEquals(5432, connect.getPort());
        assertEquals(PgConnectOptions.DEFAULT_USER, connect.getUser());
    }
}
