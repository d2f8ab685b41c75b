package dev.slowfast.testkit;

import dev.slowfast.rules.DatabaseUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A PostgreSQL server to test against, found in this order:
 * <ol>
 *   <li>a configured URL: {@code CONTRACT_DATABASE_URL} (environment) or {@code contract.databaseUrl}
 *       (system property), {@code postgresql://user:password@host:port/db}, a user allowed to CREATE DATABASE;</li>
 *   <li>Testcontainers, when a Docker engine answers;</li>
 *   <li>a server on 127.0.0.1:5432 that lets user {@code postgres} in without a password.</li>
 * </ol>
 * {@link #shared()} fails with a message naming the three ways when none is found;
 * {@link #find(String, String, boolean)} reports what it tried instead. Each test class takes a
 * database of its own with {@link #createDatabase()}.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String URL_VARIABLE = "CONTRACT_DATABASE_URL";
    public static final String URL_PROPERTY = "contract.databaseUrl";
    public static final String IMAGE = "postgres:17-alpine";
    static final String LOCAL_SERVER = "postgresql://postgres@127.0.0.1:5432/postgres";

    private static final Logger LOG = Logger.getLogger(PostgresServer.class.getName());
    private static PostgresServer shared;

    private final DatabaseUrl admin;
    private final String source;
    private final AutoCloseable stop;

    private PostgresServer(DatabaseUrl admin, String source, AutoCloseable stop) {
        this.admin = admin;
        this.source = source;
        this.stop = stop;
    }

    /**
     * The server for this JVM, found on first use from {@code CONTRACT_DATABASE_URL}; it lives as long
     * as the JVM. Databases a crashed earlier run left behind are dropped then.
     */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            String configured = System.getenv(URL_VARIABLE);
            if (configured == null || configured.isBlank()) {
                configured = System.getProperty(URL_PROPERTY);
            }
            shared = find(configured, URL_VARIABLE, true).orElseThrow();
            LOG.info(() -> "Tests use PostgreSQL from " + shared.source);
            DatabaseNames.dropStale(shared);
        }
        return shared;
    }

    /**
     * Looks for a server: {@code configuredUrl} (named {@code configuredName} in messages) when set,
     * else Testcontainers if {@code tryDocker} and a Docker engine answers, else the local server.
     * A configured URL that does not connect is an {@link IllegalStateException}: no silent fallback.
     * Close the server found to stop a container it started.
     */
    public static Search find(String configuredUrl, String configuredName, boolean tryDocker) {
        List<String> tried = new ArrayList<>();
        if (configuredUrl != null && !configuredUrl.isBlank()) {
            DatabaseUrl url = DatabaseUrl.parse(configuredUrl.strip());
            String refused = refusal(url);
            if (refused != null) {
                throw new IllegalStateException(configuredName + " is set to " + url
                        + " but that server does not accept connections: " + refused);
            }
            return Search.found(new PostgresServer(url, configuredName + " (" + url + ")", () -> { }));
        }
        tried.add(configuredName + " is not set");
        if (tryDocker) {
            String docker = dockerRefusal();
            if (docker == null) {
                return Search.found(startContainer());
            }
            tried.add(docker);
        } else {
            tried.add("Docker not tried");
        }
        DatabaseUrl local = DatabaseUrl.parse(LOCAL_SERVER);
        String refused = refusal(local);
        if (refused == null) {
            return Search.found(new PostgresServer(local, "the local server on 127.0.0.1:5432", () -> { }));
        }
        tried.add("no PostgreSQL lets user postgres in on 127.0.0.1:5432 (" + refused + ")");
        return new Search(Optional.empty(), List.copyOf(tried), configuredName);
    }

    /** A new, empty database named {@code slowfast_test_<epoch seconds>_<random>}; closing it drops it. */
    public TestDatabase createDatabase() {
        String name = DatabaseNames.fresh();
        execute("CREATE DATABASE " + name);
        return new TestDatabase(admin.withDatabase(name), () -> execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
    }

    /** The URL this server was found by (its own database, credentials included). */
    public DatabaseUrl adminUrl() {
        return admin;
    }

    /** Where it came from, password-free: "CONTRACT_DATABASE_URL (postgresql://u:***@h:5432/db)", "Testcontainers (postgres:17-alpine)", ... */
    public String source() {
        return source;
    }

    /** Stops the container if this server is one; a no-op otherwise. Never close {@link #shared()}. */
    @Override
    public void close() throws Exception {
        stop.close();
    }

    @Override
    public String toString() {
        return source;
    }

    /** Runs one statement on the server's own database. */
    void execute(String sql) {
        try (Connection connection = connect(admin); var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("On " + admin + ": " + sql + " failed: " + e.getMessage(), e);
        }
    }

    /** The names of the server's databases that start with {@code prefix}. */
    List<String> databasesNamed(String prefix) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = connect(admin);
                var statement = connection.prepareStatement("SELECT datname FROM pg_database WHERE starts_with(datname, ?)")) {
            statement.setString(1, prefix);
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
        }
        return names;
    }

    static Connection connect(DatabaseUrl url) throws SQLException {
        Properties properties = new Properties();
        if (url.user() != null) {
            properties.setProperty("user", url.user());
        }
        if (url.password() != null) {
            properties.setProperty("password", url.password());
        }
        properties.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(url.jdbcUrl(), properties);
    }

    /** Null when {@code url} accepts a connection, else why not. */
    private static String refusal(DatabaseUrl url) {
        try (Connection ignored = connect(url)) {
            return null;
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    private static String dockerRefusal() {
        try {
            return DockerClientFactory.instance().isDockerAvailable() ? null : "no Docker engine answers";
        } catch (RuntimeException | LinkageError e) {
            return "Testcontainers failed: " + e.getMessage();
        }
    }

    @SuppressWarnings("resource") // stopped by close(), or by Testcontainers' Ryuk when the JVM ends
    private static PostgresServer startContainer() {
        var container = new PostgreSQLContainer(IMAGE);
        container.start();
        var url = new DatabaseUrl(container.getHost(), container.getMappedPort(5432), container.getDatabaseName(),
                container.getUsername(), container.getPassword(), "");
        return new PostgresServer(url, "Testcontainers (" + IMAGE + ")", container::stop);
    }

    /**
     * What {@link #find} found, or what it tried.
     *
     * @param server         the server, if any
     * @param tried          why each way did not give one (empty when found)
     * @param configuredName the variable that would have named one
     */
    public record Search(Optional<PostgresServer> server, List<String> tried, String configuredName) {

        static Search found(PostgresServer server) {
            return new Search(Optional.of(server), List.of(), null);
        }

        /** The server, or an {@link IllegalStateException} naming the three ways to provide one. */
        public PostgresServer orElseThrow() {
            return server.orElseThrow(() -> new IllegalStateException(noServerMessage(configuredName, tried)));
        }
    }

    static String noServerMessage(String configuredName, List<String> tried) {
        return """
                These tests need a PostgreSQL server and found none (%s). Provide one of:
                  1. %s=postgresql://user:password@host:port/db (a user allowed to CREATE DATABASE);
                  2. a running Docker engine, so Testcontainers can start %s;
                  3. a PostgreSQL server on 127.0.0.1:5432 that accepts user 'postgres' without a password
                     (Debian/Ubuntu: sudo apt-get install postgresql, then trust auth for 127.0.0.1 in pg_hba.conf).
                """.formatted(String.join("; ", tried), configuredName, IMAGE);
    }
}
