package dev.slowfast.contract.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slowfast.contract.ApiClient;
import dev.slowfast.contract.ApiResponse;
import dev.slowfast.contract.Json;
import dev.slowfast.contract.Problems;
import dev.slowfast.contract.TcpProxy;
import dev.slowfast.rules.ConfigurationException;
import dev.slowfast.rules.DatabaseUrl;
import dev.slowfast.testkit.AppProcess;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Configuration (docs/contract.md, "Configuration"): bad values exit with status 2, and a password is never shown. */
public abstract class ConfigurationCases extends ProcessCases {

    /** "Within a few seconds": a JVM and its framework starting on a busy build machine, then exiting. */
    private static final Duration BAD_CONFIGURATION_EXIT = Duration.ofSeconds(20);
    /** Trust authentication (the local test server) accepts any password; a server that checks one has its own. */
    private static final String PASSWORD = "s3cret-pw";

    /**
     * Bad configuration is refused at start-up, the same way in every app: exit status 2, a message
     * naming the variable, and never a password: neither that of a DATABASE_URL it could not use,
     * nor that of the good DATABASE_URL it was given alongside (trust authentication ignores it).
     */
    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"PORT, 65536", "MAX_IN_FLIGHT, 0", "DB_ACQUIRE_TIMEOUT_MS, 100", "DB_POOL_SIZE, abc",
            "DATABASE_URL, mysql://u:s3cret@h/db"})
    void badConfigurationExitsWithStatus2NamingTheVariable(String variable, String value) throws Exception {
        DatabaseUrl test = apps().database().databaseUrl();
        String withPassword = new DatabaseUrl(test.host(), test.port(), test.database(),
                test.user() == null ? "postgres" : test.user(), "s3cret-pw", test.query()).url();
        AppProcess app = apps().track(apps().launcher().env("DATABASE_URL", withPassword)
                .env(variable, value).start());

        int exit = app.awaitExit(BAD_CONFIGURATION_EXIT);

        assertEquals(ConfigurationException.EXIT_STATUS, exit, () -> variable + "=" + value + ": exit status " + exit
                + " (-1: still running after " + BAD_CONFIGURATION_EXIT.toSeconds() + " s)\n" + app.output());
        assertTrue(app.output().contains(variable), () -> "the message names " + variable + ":\n" + app.output());
        assertFalse(app.output().contains("s3cret"), () -> "the output shows the password:\n" + app.output());
    }

    /**
     * A {@code DATABASE_URL} holding a password: the app's whole output, while it starts with the
     * database down, recovers, serves requests (good and bad ones), meets a database outage and
     * shuts down on SIGTERM, never contains that password (plain or URL-encoded).
     */
    @Test
    void theDatabasePasswordNeverAppearsInTheOutput() throws Exception {
        DatabaseUrl test = apps().database().databaseUrl();
        String password = test.password() == null ? PASSWORD : test.password();
        assertTrue(password.length() >= 6 && !test.url().replace(":" + password + "@", "").contains(password),
                "the test database's own password is too plain to search the app's output for: give CONTRACT_DATABASE_URL"
                        + " a password of at least 6 characters that appears nowhere else in the URL");
        TcpProxy proxy = apps().closeAfterwards(new TcpProxy(test.host(), test.port()));
        String url = new DatabaseUrl("127.0.0.1", proxy.port(), test.database(),
                test.user() == null ? "postgres" : test.user(), password, test.query()).url();

        proxy.cut(); // start-up with the database down: connection errors while starting
        AppProcess app = apps().startOn(url);
        ApiClient api = new ApiClient(app.baseUri());
        Problems.assertProblem(api.get("/contacts"), Problems.DATABASE_UNAVAILABLE);
        proxy.restore();
        awaitReady(api);
        assertEquals(201, api.post("/contacts", Json.object("name", "Secretive")).status());
        assertEquals(200, api.get("/contacts").status());
        assertEquals(200, api.get("/slow/db?ms=0").status());
        Problems.assertProblem(api.post("/contacts", "{\"name\":"), Problems.BAD_REQUEST);
        Problems.assertProblem(api.get("/contacts/nobody"), Problems.NOT_FOUND);
        proxy.cut(); // a database error while serving
        Problems.assertProblem(api.get("/contacts"), Problems.DATABASE_UNAVAILABLE);
        Problems.assertProblem(api.post("/contacts", Json.object("name", "Unsaved")), Problems.DATABASE_UNAVAILABLE);
        Problems.assertProblem(api.get("/slow/db?ms=0"), Problems.DATABASE_UNAVAILABLE);
        proxy.restore();
        app.terminate();
        int exit = app.awaitExit(Duration.ofSeconds(30));

        String output = Files.readString(app.log());
        String encoded = URLEncoder.encode(password, StandardCharsets.UTF_8);
        assertTrue(exit != -1, () -> "the app exits on SIGTERM, so its whole output can be read\n" + app.output());
        assertFalse(output.contains(password) || output.contains(encoded), () -> "the output shows the database password:\n"
                + excerptAround(output, output.contains(password) ? password : encoded));
    }

    private static void awaitReady(ApiClient api) throws InterruptedException {
        ApiResponse ready = null;
        for (long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos(); System.nanoTime() < deadline; ) {
            ready = api.get("/ready");
            if (ready.status() == 200) {
                return;
            }
            Thread.sleep(250);
        }
        ApiResponse last = ready;
        throw new AssertionError("ready within 20 s of the database coming back: " + (last == null ? "-" : last.describe()));
    }

    private static String excerptAround(String text, String secret) {
        int at = text.indexOf(secret);
        String excerpt = at < 0 ? text : text.substring(Math.max(0, at - 600), Math.min(text.length(), at + 200));
        return excerpt.replace(secret, "<the password>"); // the report must not show it either
    }
}
