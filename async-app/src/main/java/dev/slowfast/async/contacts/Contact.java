package dev.slowfast.async.contacts;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** A stored contact. {@code seq} is internal: it orders the listing and backs the cursor. */
public record Contact(UUID id, long seq, String name, String email, String phone, OffsetDateTime createdAt) {

    /** The columns {@link #from(Row)} reads, for every query that returns contacts. */
    static final String COLUMNS = "id, seq, name, email, phone, created_at";

    /** Always six fraction digits and a Z, as the contract fixes it. */
    private static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'");

    static Contact from(Row row) {
        return new Contact(row.getUUID("id"), row.getLong("seq"), row.getString("name"),
                row.getString("email"), row.getString("phone"), row.getOffsetDateTime("created_at"));
    }

    JsonObject toJson() {
        return new JsonObject()
                .put("id", id.toString())
                .put("name", name)
                .put("email", email)
                .put("phone", phone)
                .put("createdAt", createdAt.withOffsetSameInstant(ZoneOffset.UTC).format(CREATED_AT));
    }
}
