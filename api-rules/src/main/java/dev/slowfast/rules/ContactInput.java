package dev.slowfast.rules;

/**
 * A contact as a client sends it in {@code POST} and {@code PUT}: exactly the three members the
 * contract allows, each possibly null (absent). Each app's strict JSON mapper binds the body to it.
 */
public record ContactInput(String name, String email, String phone) {
}
