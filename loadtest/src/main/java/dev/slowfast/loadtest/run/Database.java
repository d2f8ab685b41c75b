package dev.slowfast.loadtest.run;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL the apps use during a run, found the same way as the contract tests find theirs:
 * {@code DATABASE_URL}, else a Testcontainers PostgreSQL when a Docker engine answers, else a fresh
 * scratch database on 127.0.0.1:5432; otherwise none, with the reasons, and the database workloads
 * are skipped. {@code url} is null when there is none.
 */
record Database(String url, String source, AutoCloseable release) implements AutoCloseable {

    private static final String LOCAL_ADMIN = "jdbc:postgresql://127.0.0.1:5432/postgres";

    static Database find(String environmentUrl, boolean tryDocker) {
        if (environmentUrl != null && !environmentUrl.isBlank()) {
            return new Database(environmentUrl, "DATABASE_URL (" + withoutPassword(environmentUrl) + ")", () -> { });
        }
        List<String> tried = new ArrayList<>(List.of("DATABASE_URL is not set"));
        if (tryDocker) {
            try {
                if (DockerClientFactory.instance().isDockerAvailable()) {
                    return container();
                }
                tried.add("no Docker engine answers");
            } catch (RuntimeException e) {
                tried.add("Testcontainers failed: " + e.getMessage());
            }
        } else {
            tried.add("Docker not tried (no selected workload needs a database)");
        }
        try {
            return localScratchDatabase();
        } catch (SQLException e) {
            tried.add("no PostgreSQL accepts connections on 127.0.0.1:5432 as postgres (" + e.getMessage() + ")");
        }
        return new Database(null, String.join("; ", tried), () -> { });
    }

    boolean available() {
        return url != null;
    }

    @Override
    public void close() throws Exception {
        release.close();
    }

    private static Database container() {
        @SuppressWarnings("resource") // stopped by release
        var postgres = new PostgreSQLContainer("postgres:17-alpine");
        postgres.start();
        String url = "postgresql://" + postgres.getUsername() + ":" + postgres.getPassword() + "@"
                + postgres.getHost() + ":" + postgres.getMappedPort(5432) + "/" + postgres.getDatabaseName();
        return new Database(url, "Testcontainers " + postgres.getDockerImageName(), postgres::stop);
    }

    private static Database localScratchDatabase() throws SQLException {
        String name = "slowfast_loadtest_" + System.currentTimeMillis();
        try (Connection admin = DriverManager.getConnection(LOCAL_ADMIN, "postgres", "")) {
            admin.createStatement().execute("CREATE DATABASE " + name);
        }
        return new Database("postgresql://postgres@127.0.0.1:5432/" + name,
                "local PostgreSQL on 127.0.0.1:5432, scratch database " + name + " (dropped after the run)",
                () -> {
                    try (Connection admin = DriverManager.getConnection(LOCAL_ADMIN, "postgres", "")) {
                        admin.createStatement().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                    }
                });
    }

    private static String withoutPassword(String url) {
        try {
            URI uri = URI.create(url);
            String user = uri.getUserInfo() == null ? "" : uri.getUserInfo().split(":")[0] + "@";
            return uri.getScheme() + "://" + user + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + uri.getPath();
        } catch (IllegalArgumentException e) {
            return "unparsable URL";
        }
    }
}
