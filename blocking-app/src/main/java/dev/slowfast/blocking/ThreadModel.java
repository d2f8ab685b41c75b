package dev.slowfast.blocking;

import java.util.Locale;

/** Which threads run the request handlers. */
public enum ThreadModel {
    /** A fixed Jetty pool of {@code WORKER_THREADS} platform threads. */
    PLATFORM,
    /** A new virtual thread for every request. */
    VIRTUAL;

    static ThreadModel parse(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "platform" -> PLATFORM;
            case "virtual" -> VIRTUAL;
            default -> throw new IllegalArgumentException(
                    "THREAD_MODEL must be 'platform' or 'virtual', got '" + value + "'");
        };
    }
}
