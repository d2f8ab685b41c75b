package dev.slowfast.async.db;

import dev.slowfast.rules.ApiProblem;
import dev.slowfast.rules.ProblemDetails;
import dev.slowfast.rules.ProblemType;
import io.vertx.pgclient.PgException;
import java.lang.System.Logger.Level;
import java.util.Set;

/** Tells "PostgreSQL does not answer" (a 503) apart from SQL errors that are bugs (a 500). */
final class DatabaseFailures {

    private static final System.Logger LOG = System.getLogger(DatabaseFailures.class.getName());
    /**
     * SQLSTATE classes meaning "cannot use the database right now": connection exception,
     * insufficient resources, operator intervention (e.g. shutdown), invalid authorization,
     * invalid catalog name (the database does not exist).
     */
    private static final Set<String> UNAVAILABLE_CLASSES = Set.of("08", "53", "57", "28", "3D");

    private DatabaseFailures() {
    }

    /**
     * The 503 problem for connectivity trouble (refused, timed out, no free connection, shut down);
     * an SQL error from a database that does answer stays as it is.
     */
    static Throwable classify(Throwable failure) {
        if (failure instanceof PgException error && error.getSqlState() != null
                && !UNAVAILABLE_CLASSES.contains(error.getSqlState().substring(0, 2))) {
            return failure;
        }
        LOG.log(Level.DEBUG, () -> "database unavailable: " + failure);
        return ApiProblem.of(ProblemType.DATABASE_UNAVAILABLE, ProblemDetails.DATABASE_UNAVAILABLE);
    }
}
