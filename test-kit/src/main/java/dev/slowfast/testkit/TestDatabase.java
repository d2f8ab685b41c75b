package dev.slowfast.testkit;

import dev.slowfast.rules.DatabaseUrl;

/**
 * One fresh, empty database on a {@link PostgresServer}; closing it drops it.
 *
 * @param databaseUrl where it is, credentials included
 * @param dropper     what {@link #close()} runs
 */
public record TestDatabase(DatabaseUrl databaseUrl, AutoCloseable dropper) implements AutoCloseable {

    /** What an app gets as {@code DATABASE_URL}: the libpq URL, password included (never print it). */
    public String url() {
        return databaseUrl.url();
    }

    /** The same database reached through another host and port, e.g. a TCP proxy that can cut it off. */
    public String urlVia(String host, int port) {
        DatabaseUrl u = databaseUrl;
        return new DatabaseUrl(host, port, u.database(), u.user(), u.password(), u.query()).url();
    }

    @Override
    public void close() throws Exception {
        dropper.close();
    }

    /** Password-free. */
    @Override
    public String toString() {
        return databaseUrl.toString();
    }
}
