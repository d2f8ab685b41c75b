package dev.slowfast.reactive.db;

import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTransientException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;

/** Tells "the database does not answer" (a 503) apart from every other failure (a bug). */
public final class DatabaseErrors {

    private DatabaseErrors() {
    }

    public static boolean isUnavailable(Throwable error) {
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
}
