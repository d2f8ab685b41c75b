package dev.slowfast.reactive.contacts;

import dev.slowfast.reactive.db.Schema;
import io.r2dbc.spi.Parameter;
import io.r2dbc.spi.Parameters;
import io.r2dbc.spi.R2dbcType;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The contacts table through plain SQL on {@link DatabaseClient}. Every call waits for the schema first. */
@Repository
public class ContactRepository {

    private static final String COLUMNS = "id, seq, name, email, phone, created_at";

    private final DatabaseClient db;
    private final Schema schema;

    public ContactRepository(DatabaseClient db, Schema schema) {
        this.db = db;
        this.schema = schema;
    }

    public Mono<Contact> insert(ContactData data) {
        GenericExecuteSpec insert = db.sql("INSERT INTO contacts (name, email, phone) VALUES (:name, :email, :phone)"
                + " RETURNING " + COLUMNS);
        return schema.applied().then(bindFields(insert, data).map(ContactRepository::toContact).one());
    }

    public Mono<Contact> find(UUID id) {
        return schema.applied().then(db.sql("SELECT " + COLUMNS + " FROM contacts WHERE id = :id")
                .bind("id", id)
                .map(ContactRepository::toContact)
                .one());
    }

    /** Up to {@code limit} contacts created after the one with {@code afterSeq}, oldest first. */
    public Flux<Contact> page(long afterSeq, int limit) {
        return schema.applied().thenMany(db.sql("SELECT " + COLUMNS + " FROM contacts WHERE seq > :after"
                        + " ORDER BY seq LIMIT :limit")
                .bind("after", afterSeq)
                .bind("limit", limit)
                .map(ContactRepository::toContact)
                .all());
    }

    /** The replaced contact, or empty if there is none with this id. */
    public Mono<Contact> replace(UUID id, ContactData data) {
        GenericExecuteSpec update = db.sql("UPDATE contacts SET name = :name, email = :email, phone = :phone"
                + " WHERE id = :id RETURNING " + COLUMNS);
        return schema.applied().then(bindFields(update, data).bind("id", id)
                .map(ContactRepository::toContact)
                .one());
    }

    /** True if a contact was deleted. */
    public Mono<Boolean> delete(UUID id) {
        return schema.applied().then(db.sql("DELETE FROM contacts WHERE id = :id")
                .bind("id", id)
                .fetch()
                .rowsUpdated()
                .map(deleted -> deleted > 0));
    }

    private static GenericExecuteSpec bindFields(GenericExecuteSpec spec, ContactData data) {
        return spec.bind("name", data.name())
                .bind("email", nullableText(data.email()))
                .bind("phone", nullableText(data.phone()));
    }

    /** A typed VARCHAR parameter, so that null binds too (plain bind() refuses null). */
    private static Parameter nullableText(String value) {
        return Parameters.in(R2dbcType.VARCHAR, value);
    }

    private static Contact toContact(Readable row) {
        return new Contact(
                row.get("id", UUID.class),
                row.get("seq", Long.class),
                row.get("name", String.class),
                row.get("email", String.class),
                row.get("phone", String.class),
                row.get("created_at", Instant.class));
    }
}
