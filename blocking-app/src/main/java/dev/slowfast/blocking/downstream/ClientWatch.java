package dev.slowfast.blocking.downstream;

import io.javalin.http.Context;

/** Runs an action when a request's client closes its connection, for as long as the returned watch is open. */
@FunctionalInterface
public interface ClientWatch {

    Watch watch(Context ctx, Runnable onGone);

    /** Stops watching. */
    @FunctionalInterface
    interface Watch extends AutoCloseable {
        @Override
        void close();
    }
}
