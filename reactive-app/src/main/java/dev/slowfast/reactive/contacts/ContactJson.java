package dev.slowfast.reactive.contacts;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** A contact as clients see it: no {@code seq}, and {@code createdAt} always with six fraction digits. */
public record ContactJson(String id, String name, String email, String phone, String createdAt) {

    private static final DateTimeFormatter CREATED_AT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    static ContactJson of(Contact contact) {
        return new ContactJson(contact.id().toString(), contact.name(), contact.email(), contact.phone(),
                CREATED_AT.format(contact.createdAt()));
    }
}
