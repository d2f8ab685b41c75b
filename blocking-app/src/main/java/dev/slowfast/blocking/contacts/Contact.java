package dev.slowfast.blocking.contacts;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Instant;
import java.util.UUID;

/** A stored contact, as the API returns it. */
public record Contact(
        UUID id,
        String name,
        String email,
        String phone,
        // Always six fraction digits (PostgreSQL keeps microseconds), always UTC with a Z.
        @JsonFormat(shape = JsonFormat.Shape.STRING, pattern = "uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'", timezone = "UTC")
        Instant createdAt) {
}
