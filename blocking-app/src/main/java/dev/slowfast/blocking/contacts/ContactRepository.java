package dev.slowfast.blocking.contacts;

import dev.slowfast.blocking.db.Database;
import dev.slowfast.rules.ContactInput;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/** Contacts in PostgreSQL, through plain JDBC. Every method blocks its thread until the database answers. */
public final class ContactRepository {

    private static final String COLUMNS = "id, seq, name, email, phone, created_at";

    private final Database database;

    public ContactRepository(Database database) {
        this.database = database;
    }

    /** One page of contacts and, when more follow, the {@code seq} to continue after. */
    public record Page(List<Contact> contacts, OptionalLong nextAfterSeq) {
    }

    public Contact create(ContactInput input) throws SQLException {
        try (var connection = database.connection();
             var insert = connection.prepareStatement(
                     "INSERT INTO contacts (name, email, phone) VALUES (?, ?, ?) RETURNING " + COLUMNS)) {
            bindFields(insert, input);
            return single(insert).orElseThrow();
        }
    }

    public Optional<Contact> find(UUID id) throws SQLException {
        try (var connection = database.connection();
             var select = connection.prepareStatement("SELECT " + COLUMNS + " FROM contacts WHERE id = ?")) {
            select.setObject(1, id);
            return single(select);
        }
    }

    /** Up to {@code limit} contacts created after {@code afterSeq}, oldest first. */
    public Page page(long afterSeq, int limit) throws SQLException {
        try (var connection = database.connection();
             var select = connection.prepareStatement(
                     "SELECT " + COLUMNS + " FROM contacts WHERE seq > ? ORDER BY seq LIMIT ?")) {
            select.setLong(1, afterSeq);
            select.setInt(2, limit + 1); // one more than asked tells whether a next page exists
            var contacts = new ArrayList<Contact>();
            long lastSeq = afterSeq;
            boolean more = false;
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    if (contacts.size() == limit) {
                        more = true;
                        break;
                    }
                    contacts.add(toContact(rows));
                    lastSeq = rows.getLong("seq");
                }
            }
            return new Page(contacts, more ? OptionalLong.of(lastSeq) : OptionalLong.empty());
        }
    }

    public Optional<Contact> update(UUID id, ContactInput input) throws SQLException {
        try (var connection = database.connection();
             var update = connection.prepareStatement(
                     "UPDATE contacts SET name = ?, email = ?, phone = ? WHERE id = ? RETURNING " + COLUMNS)) {
            bindFields(update, input);
            update.setObject(4, id);
            return single(update);
        }
    }

    public boolean delete(UUID id) throws SQLException {
        try (var connection = database.connection();
             var delete = connection.prepareStatement("DELETE FROM contacts WHERE id = ?")) {
            delete.setObject(1, id);
            return delete.executeUpdate() == 1;
        }
    }

    private static void bindFields(PreparedStatement statement, ContactInput input) throws SQLException {
        statement.setString(1, input.name());
        statement.setString(2, input.email());
        statement.setString(3, input.phone());
    }

    private static Optional<Contact> single(PreparedStatement statement) throws SQLException {
        try (var rows = statement.executeQuery()) {
            return rows.next() ? Optional.of(toContact(rows)) : Optional.empty();
        }
    }

    private static Contact toContact(ResultSet row) throws SQLException {
        return new Contact(
                row.getObject("id", UUID.class),
                row.getString("name"),
                row.getString("email"),
                row.getString("phone"),
                row.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
