package dev.slowfast.reactive.contacts;

/**
 * A POST/PUT body exactly as sent: only these three members, each a JSON string (or null). The
 * strict JSON mapper rejects anything else with a 400 before {@link ContactValidator} sees it.
 */
public record ContactInput(String name, String email, String phone) {
}
