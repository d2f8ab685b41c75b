package dev.slowfast.contract;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The one PostgreSQL fixture of the suite. It finds a server once per JVM, in this order:
 * <ol>
 *   <li>{@code CONTRACT_DATABASE_URL} (environment) or {@code contract.databaseUrl} (system property),
 *       {@code postgresql://user:password@host:port/db}; the user needs CREATEDB;</li>
 *   <li>Testcontainers, when a Docker engine answers;</li>
 *   <li>a server on 127.0.0.1:5432 that lets user {@code postgres} in without a password;</li>
 * </ol>
 * and otherwise fails, saying how to provide one. It never skips. Each test class gets a database
 * of its own ({@link #createDatabase()}), so no test sees rows of another class or an earlier run.
 */
public final class TestDatabases {

    private static final Logger LOG = Logger.getLogger(TestDatabases.class.getName());
    private static final String PREFIX = "slowfast_ct_";
    private static final String LOCAL_SERVER = "postgresql://postgres@127.0.0.1:5432/postgres";
    private static final String POSTGRES_IMAGE = "postgres:17-alpine";
    /** Databases a crashed earlier run left behind are dropped once they are this old. */
    private static final Duration STALE = Duration.ofHours(6);

    private static TestDatabases shared;

    private final PostgresUrl admin;
    private final String source;

    private TestDatabases(PostgresUrl admin, String source) {
        this.admin = admin;
        this.source = source;
    }

    /** The server for this JVM, found on first use. */
    public static synchronized TestDatabases shared() {
        if (shared == null) {
            shared = locate();
            LOG.info(() -> "Contract tests use PostgreSQL from " + shared.source + ": " + shared.admin.redacted());
            shared.dropStaleDatabases();
        }
        return shared;
    }

    /** A new, empty database; closing it drops it. */
    public TestDatabase createDatabase() {
        String name = PREFIX + Instant.now().getEpochSecond() + "_"
                + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        execute("CREATE DATABASE " + name);
        return new TestDatabase(admin.withDatabase(name).toString(), () -> execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
    }

    private static TestDatabases locate() {
        String configured = System.getenv("CONTRACT_DATABASE_URL");
        if (configured == null || configured.isBlank()) {
            configured = System.getProperty("contract.databaseUrl");
        }
        if (configured != null && !configured.isBlank()) {
            PostgresUrl url = PostgresUrl.parse(configured.trim());
            requireConnection(url, "CONTRACT_DATABASE_URL");
            return new TestDatabases(url, "CONTRACT_DATABASE_URL");
        }
        if (dockerAnswers()) {
            return new TestDatabases(startContainer(), "Testcontainers (" + POSTGRES_IMAGE + ")");
        }
        PostgresUrl local = PostgresUrl.parse(LOCAL_SERVER);
        if (accepts(local)) {
            return new TestDatabases(local, "the local server on 127.0.0.1:5432");
        }
        throw new IllegalStateException("""
                The contract tests need a PostgreSQL server and found none. Provide one of:
                  1. CONTRACT_DATABASE_URL=postgresql://user:password@host:port/db (a user allowed to CREATE DATABASE);
                  2. a running Docker engine, so Testcontainers can start %s;
                  3. a PostgreSQL server on 127.0.0.1:5432 that accepts user 'postgres' without a password
                     (Debian/Ubuntu: sudo apt-get install postgresql, then trust auth for 127.0.0.1 in pg_hba.conf).
                """.formatted(POSTGRES_IMAGE));
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    @SuppressWarnings("resource") // lives as long as the JVM; Testcontainers' Ryuk removes it afterwards
    private static PostgresUrl startContainer() {
        var container = new PostgreSQLContainer(POSTGRES_IMAGE);
        container.start();
        return new PostgresUrl(container.getUsername(), container.getPassword(), container.getHost(),
                container.getMappedPort(5432), container.getDatabaseName());
    }

    private static boolean accepts(PostgresUrl url) {
        try (Connection ignored = DriverManager.getConnection(url.jdbcUrl(), url.jdbcProperties())) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static void requireConnection(PostgresUrl url, String from) {
        try (Connection ignored = DriverManager.getConnection(url.jdbcUrl(), url.jdbcProperties())) {
            // reachable
        } catch (SQLException e) {
            throw new IllegalStateException(from + " is set to " + url.redacted()
                    + " but that server does not accept connections: " + e.getMessage(), e);
        }
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(admin.jdbcUrl(), admin.jdbcProperties());
                var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("On " + admin.redacted() + ": " + sql + " failed: " + e.getMessage(), e);
        }
    }

    private void dropStaleDatabases() {
        long cutoff = Instant.now().minus(STALE).getEpochSecond();
        List<String> stale = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(admin.jdbcUrl(), admin.jdbcProperties());
                var statement = connection.createStatement();
                var rows = statement.executeQuery(
                        "SELECT datname FROM pg_database WHERE datname LIKE '" + PREFIX + "%'")) {
            while (rows.next()) {
                String name = rows.getString(1);
                String[] parts = name.substring(PREFIX.length()).split("_");
                if (parts.length == 2 && parts[0].matches("\\d+") && Long.parseLong(parts[0]) < cutoff) {
                    stale.add(name);
                }
            }
        } catch (SQLException e) {
            LOG.warning("Could not list stale test databases: " + e.getMessage());
            return;
        }
        stale.forEach(name -> execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
    }

    /** The same database reached through another host and port, e.g. a {@link TcpProxy}. */
    public static String via(String databaseUrl, String host, int port) {
        PostgresUrl url = PostgresUrl.parse(databaseUrl);
        return new PostgresUrl(url.user(), url.password(), host, port, url.database()).toString();
    }

    /** Host and port of the server a database URL points at. */
    public static java.net.InetSocketAddress serverOf(String databaseUrl) {
        PostgresUrl url = PostgresUrl.parse(databaseUrl);
        return java.net.InetSocketAddress.createUnresolved(url.host(), url.port());
    }

    /** A database of one test class; {@link #url()} is what the app gets as DATABASE_URL. */
    public record TestDatabase(String url, AutoCloseable dropper) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            dropper.close();
        }
    }
}
