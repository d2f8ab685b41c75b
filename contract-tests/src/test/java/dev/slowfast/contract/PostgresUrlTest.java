package dev.slowfast.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PostgresUrlTest {

    @Test
    void readsEveryPartAndDecodesTheCredentials() {
        var url = PostgresUrl.parse("postgresql://app%40corp:p%3Ass%20w@db.example.com:6543/contacts");
        assertEquals("app@corp", url.user());
        assertEquals("p:ss w", url.password());
        assertEquals("db.example.com", url.host());
        assertEquals(6543, url.port());
        assertEquals("contacts", url.database());
        assertEquals("jdbc:postgresql://db.example.com:6543/contacts", url.jdbcUrl());
        assertEquals(url, PostgresUrl.parse(url.toString()), "toString round-trips");
    }

    @Test
    void defaultsPortAndAcceptsThePostgresScheme() {
        var url = PostgresUrl.parse("postgres://postgres@127.0.0.1/test");
        assertEquals(5432, url.port());
        assertEquals("", url.password());
        assertEquals("postgresql://postgres@127.0.0.1:5432/other", url.withDatabase("other").toString());
    }

    @Test
    void refusesOtherSchemes() {
        assertThrows(IllegalArgumentException.class, () -> PostgresUrl.parse("jdbc:postgresql://localhost/db"));
    }
}
