package dev.slowfast.async.contacts;

import dev.slowfast.async.db.Database;
import dev.slowfast.rules.ContactInput;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/** Contacts in PostgreSQL, through the reactive client: every method returns at once with a Future. */
public final class ContactRepository {

    private static final String INSERT =
            "INSERT INTO contacts (name, email, phone) VALUES ($1, $2, $3) RETURNING " + Contact.COLUMNS;
    private static final String SELECT_ONE =
            "SELECT " + Contact.COLUMNS + " FROM contacts WHERE id = $1";
    private static final String SELECT_PAGE =
            "SELECT " + Contact.COLUMNS + " FROM contacts WHERE seq > $1 ORDER BY seq LIMIT $2";
    private static final String UPDATE =
            "UPDATE contacts SET name = $2, email = $3, phone = $4 WHERE id = $1 RETURNING " + Contact.COLUMNS;
    private static final String DELETE =
            "DELETE FROM contacts WHERE id = $1";

    /** One page of contacts and, when more follow, the {@code seq} to continue after. */
    public record Page(List<Contact> contacts, OptionalLong nextAfterSeq) {
    }

    private final Database database;

    public ContactRepository(Database database) {
        this.database = database;
    }

    Future<Contact> create(ContactInput input) {
        return database.query(INSERT, Tuple.of(input.name(), input.email(), input.phone()))
                .map(rows -> Contact.from(rows.iterator().next()));
    }

    Future<Optional<Contact>> find(UUID id) {
        return database.query(SELECT_ONE, Tuple.of(id)).map(ContactRepository::first);
    }

    /** Up to {@code limit} contacts created after the one with {@code afterSeq}, oldest first. */
    Future<Page> page(long afterSeq, int limit) {
        // One row more than the page tells whether a next page exists.
        return database.query(SELECT_PAGE, Tuple.of(afterSeq, limit + 1)).map(rows -> {
            List<Contact> page = new ArrayList<>(rows.size());
            rows.forEach(row -> page.add(Contact.from(row)));
            if (page.size() <= limit) {
                return new Page(page, OptionalLong.empty());
            }
            List<Contact> shown = page.subList(0, limit);
            return new Page(shown, OptionalLong.of(shown.getLast().seq()));
        });
    }

    /** The updated contact, or empty when there is no contact with this id. */
    Future<Optional<Contact>> update(UUID id, ContactInput input) {
        return database.query(UPDATE, Tuple.of(id, input.name(), input.email(), input.phone()))
                .map(ContactRepository::first);
    }

    /** Whether a contact with this id existed (and is now gone). */
    Future<Boolean> delete(UUID id) {
        return database.query(DELETE, Tuple.of(id)).map(rows -> rows.rowCount() == 1);
    }

    private static Optional<Contact> first(RowSet<Row> rows) {
        return rows.size() == 0 ? Optional.empty() : Optional.of(Contact.from(rows.iterator().next()));
    }
}
