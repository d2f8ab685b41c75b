package dev.slowfast.blocking.db;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/** Tells "PostgreSQL does not answer" (a 503) apart from SQL errors that are bugs (a 500). */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    public static boolean isUnavailable(SQLException e) {
        if (e instanceof SQLTransientException                  // includes Hikari's "connection is not available"
                || e instanceof SQLRecoverableException
                || e instanceof SQLNonTransientConnectionException) {
            return true;
        }
        String state = e.getSQLState();
        return state != null && (state.startsWith("08")          // connection exception
                || state.startsWith("53")                        // insufficient resources, e.g. too many connections
                || state.startsWith("57P"));                     // server shutting down, cannot connect now
    }
}
