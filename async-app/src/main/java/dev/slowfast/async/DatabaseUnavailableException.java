package dev.slowfast.async;

/** PostgreSQL did not answer (refused, timed out, shut down...); the client should retry later. */
final class DatabaseUnavailableException extends RuntimeException {

    DatabaseUnavailableException(Throwable cause) {
        super("database unavailable: " + cause, cause);
    }
}
