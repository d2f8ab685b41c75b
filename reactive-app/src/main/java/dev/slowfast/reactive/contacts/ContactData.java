package dev.slowfast.reactive.contacts;

/** A body that passed every field rule; {@code name} is stripped, {@code email}/{@code phone} may be null. */
public record ContactData(String name, String email, String phone) {
}
