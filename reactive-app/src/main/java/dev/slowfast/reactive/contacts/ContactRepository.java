package dev.slowfast.reactive.contacts;

import dev.slowfast.reactive.db.Database;
import dev.slowfast.rules.ContactInput;
import io.r2dbc.spi.Parameter;
import io.r2dbc.spi.Parameters;
import io.r2dbc.spi.R2dbcType;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The contacts table through plain SQL on Spring's {@code DatabaseClient}. */
@Repository
public class ContactRepository {

    private static final String COLUMNS = "id, seq, name, email, phone, created_at";

    private final Database database;

    public ContactRepository(Database database) {
        this.database = database;
    }

    /** The stored contact; {@code input} is valid. */
    public Mono<Contact> create(ContactInput input) {
        return database.query(db -> fields(db.sql("INSERT INTO contacts (name, email, phone)"
                        + " VALUES (:name, :email, :phone) RETURNING " + COLUMNS), input)
                .map(ContactRepository::contact)
                .one());
    }

    public Mono<Contact> find(UUID id) {
        return database.query(db -> db.sql("SELECT " + COLUMNS + " FROM contacts WHERE id = :id")
                .bind("id", id)
                .map(ContactRepository::contact)
                .one());
    }

    /** Up to {@code limit} contacts created after the one with {@code afterSeq}, oldest first. */
    public Mono<List<Contact>> page(long afterSeq, int limit) {
        return database.query(db -> db.sql("SELECT " + COLUMNS + " FROM contacts WHERE seq > :after ORDER BY seq LIMIT :limit")
                .bind("after", afterSeq)
                .bind("limit", limit)
                .map(ContactRepository::contact)
                .all()
                .collectList());
    }

    /** The updated contact, or empty if there is none with this id. */
    public Mono<Contact> update(UUID id, ContactInput input) {
        return database.query(db -> fields(db.sql("UPDATE contacts SET name = :name, email = :email, phone = :phone"
                        + " WHERE id = :id RETURNING " + COLUMNS), input)
                .bind("id", id)
                .map(ContactRepository::contact)
                .one());
    }

    /** True if a contact was deleted. */
    public Mono<Boolean> delete(UUID id) {
        return database.query(db -> db.sql("DELETE FROM contacts WHERE id = :id")
                .bind("id", id)
                .fetch()
                .rowsUpdated()
                .map(deleted -> deleted > 0));
    }

    private static GenericExecuteSpec fields(GenericExecuteSpec spec, ContactInput input) {
        return spec.bind("name", input.name())
                .bind("email", nullableText(input.email()))
                .bind("phone", nullableText(input.phone()));
    }

    /** A typed VARCHAR parameter, so that null binds too (plain bind() refuses null). */
    private static Parameter nullableText(String value) {
        return Parameters.in(R2dbcType.VARCHAR, value);
    }

    private static Contact contact(Readable row) {
        return new Contact(
                row.get("id", UUID.class),
                row.get("seq", Long.class),
                row.get("name", String.class),
                row.get("email", String.class),
                row.get("phone", String.class),
                row.get("created_at", Instant.class));
    }
}
