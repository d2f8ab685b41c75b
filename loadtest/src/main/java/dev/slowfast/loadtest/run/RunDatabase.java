package dev.slowfast.loadtest.run;

import dev.slowfast.testkit.PostgresServer;
import dev.slowfast.testkit.TestDatabase;

/**
 * The PostgreSQL the apps use during a run: {@code DATABASE_URL} as given (it may not allow CREATE
 * DATABASE), else a scratch database on the server the test kit finds. None, with what was tried,
 * skips the database workloads instead of failing the run. {@code url} is null when there is none.
 */
record RunDatabase(String url, String source, AutoCloseable release) implements AutoCloseable {

    static RunDatabase unmanaged() {
        return new RunDatabase(null, "not managed: the external server uses its own", () -> { });
    }

    static RunDatabase find(String environmentUrl, boolean tryDocker) {
        PostgresServer.Search search;
        try {
            search = PostgresServer.find(environmentUrl, "DATABASE_URL", tryDocker);
        } catch (IllegalArgumentException | IllegalStateException badUrl) { // the messages are password-free
            return new RunDatabase(null, badUrl.getMessage(), () -> { });
        }
        if (search.server().isEmpty()) {
            return new RunDatabase(null, String.join("; ", search.tried()), () -> { });
        }
        PostgresServer server = search.server().get();
        if (environmentUrl != null && !environmentUrl.isBlank()) {
            return new RunDatabase(server.adminUrl().url(), server.source(), server);
        }
        TestDatabase scratch = server.createDatabase();
        return new RunDatabase(scratch.url(), server.source() + ", scratch database " + scratch.databaseUrl().database()
                + " (dropped after the run)", () -> {
                    scratch.close();
                    server.close();
                });
    }

    boolean available() {
        return url != null;
    }

    @Override
    public void close() throws Exception {
        release.close();
    }
}
