package dev.slowfast.async;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Contacts in PostgreSQL, through the reactive client: every method returns at once with a Future. */
final class ContactRepository {

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

    private final Database database;

    ContactRepository(Database database) {
        this.database = database;
    }

    Future<Contact> create(ContactInput input) {
        return database.query(INSERT, Tuple.of(input.name(), input.email(), input.phone()))
                .map(rows -> Contact.from(rows.iterator().next()));
    }

    Future<Optional<Contact>> find(UUID id) {
        return database.query(SELECT_ONE, Tuple.of(id)).map(ContactRepository::first);
    }

    /** Up to {@code count} contacts created after the one with {@code afterSeq}, oldest first. */
    Future<List<Contact>> listAfter(long afterSeq, int count) {
        return database.query(SELECT_PAGE, Tuple.of(afterSeq, count)).map(rows -> {
            List<Contact> page = new ArrayList<>(rows.size());
            rows.forEach(row -> page.add(Contact.from(row)));
            return page;
        });
    }

    /** The replaced contact, or empty when there is no contact with this id. */
    Future<Optional<Contact>> replace(UUID id, ContactInput input) {
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
