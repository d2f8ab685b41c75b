package dev.slowfast.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseUrlTest {

    @Test
    void splitsAndDecodesEveryPart() {
        var url = DatabaseUrl.parse("postgres://us%40er:p%3Aa+ss@db.example:6543/my%20db?sslmode=disable");
        assertEquals("db.example", url.host());
        assertEquals(6543, url.port());
        assertEquals("my db", url.database());
        assertEquals("us@er", url.user());
        assertEquals("p:a+ss", url.password());
        assertEquals("sslmode=disable", url.query());
        assertEquals("jdbc:postgresql://db.example:6543/my%20db?sslmode=disable", url.jdbcUrl());
        assertEquals("r2dbc:postgresql://db.example:6543/my%20db?sslmode=disable", url.r2dbcUrl());
    }

    @Test
    void userAndPasswordAndPortAreOptional() {
        var url = DatabaseUrl.parse("postgresql://127.0.0.1/postgres");
        assertNull(url.user());
        assertNull(url.password());
        assertEquals(5432, url.port());
    }

    @Test
    void theUrlRoundTripsAndToStringHidesThePassword() {
        var url = DatabaseUrl.parse("postgresql://ada:p%2Fw%40rd@localhost:5432/test_1");
        assertEquals(url, DatabaseUrl.parse(url.url()));
        assertEquals("postgresql://ada:***@localhost:5432/test_1", url.toString());
        assertEquals(url.withDatabase("other"), DatabaseUrl.parse("postgresql://ada:p%2Fw%40rd@localhost:5432/other"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"mysql://u:secret@h/db", "postgresql://u:secret@/db", "postgresql://u:secret@h", "postgresql://u:secret@h/",
            "postgresql://u:secret@h/a/b", "not a url at all secret"})
    void anythingElseIsAConfigurationErrorWithoutThePassword(String bad) {
        var e = assertThrows(ConfigurationException.class, () -> DatabaseUrl.parse(bad));
        assertFalse(e.getMessage().contains("secret") && bad.contains(":secret@"), e.getMessage());
    }

    @Test
    void redactWorksOnUrlsThatDoNotParse() {
        assertEquals("postgresql://u:***@h:x/db", DatabaseUrl.redact("postgresql://u:pw@h:x/db"));
    }
}
