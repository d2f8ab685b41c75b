package dev.slowfast.rules;

/** A bad environment variable: the message names it and what it must be, never a secret. */
public final class ConfigurationException extends IllegalArgumentException {

    /** The exit status of an app that refuses to start on bad configuration (like sysexits' usage errors). */
    public static final int EXIT_STATUS = 2;

    public ConfigurationException(String message) {
        super(message);
    }
}
