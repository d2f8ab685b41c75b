package dev.slowfast.reactive.db;

import dev.slowfast.rules.ApiProblem;
import dev.slowfast.rules.ProblemDetails;
import dev.slowfast.rules.ProblemType;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTransientException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;

/** Tells "the database does not answer" (a 503) apart from every other failure (a bug). */
final class DatabaseFailures {

    private DatabaseFailures() {
    }

    static boolean isUnavailable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof DataAccessResourceFailureException   // cannot connect
                    || t instanceof TransientDataAccessException  // e.g. pool acquire timed out
                    || t instanceof R2dbcNonTransientResourceException
                    || t instanceof R2dbcTransientException
                    || t instanceof ConnectException
                    || t instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** The contract's answer to it, with {@code Retry-After}. */
    static ApiProblem unavailable(Throwable error) {
        return ApiProblem.of(ProblemType.DATABASE_UNAVAILABLE, ProblemDetails.DATABASE_UNAVAILABLE);
    }
}
