package dev.slowfast.blocking.contacts;

/** The body of POST and PUT. Absent and {@code null} fields both arrive as {@code null}. */
public record ContactInput(String name, String email, String phone) {
}
