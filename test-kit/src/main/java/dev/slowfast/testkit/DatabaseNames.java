package dev.slowfast.testkit;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Names of test databases, {@code slowfast_test_<epoch seconds>_<hex>}: unique, and old ones recognisable. */
final class DatabaseNames {

    static final String PREFIX = "slowfast_test_";
    /** A database of a run that crashed is dropped once it is this old (a load-test run may take hours). */
    static final Duration STALE = Duration.ofHours(24);
    private static final Pattern NAME = Pattern.compile(Pattern.quote(PREFIX) + "(\\d{1,18})_[0-9a-f]+");
    private static final Logger LOG = Logger.getLogger(DatabaseNames.class.getName());

    private DatabaseNames() {
    }

    static String fresh() {
        return PREFIX + Instant.now().getEpochSecond() + "_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    }

    /** True for a name {@link #fresh()} made more than {@link #STALE} before {@code now}. */
    static boolean isStale(String name, Instant now) {
        Matcher matcher = NAME.matcher(name);
        return matcher.matches() && Long.parseLong(matcher.group(1)) < now.minus(STALE).getEpochSecond();
    }

    static void dropStale(PostgresServer server) {
        Instant now = Instant.now();
        try {
            server.databasesNamed(PREFIX).stream().filter(name -> isStale(name, now))
                    .forEach(name -> server.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
        } catch (SQLException | IllegalStateException e) {
            LOG.warning("Could not drop stale test databases: " + e.getMessage());
        }
    }
}
