package dev.slowfast.blocking.contacts;

import dev.slowfast.blocking.json.StrictJson;
import dev.slowfast.rules.ApiProblem;
import dev.slowfast.rules.ContactIds;
import dev.slowfast.rules.ContactInput;
import dev.slowfast.rules.ContactRules;
import dev.slowfast.rules.Cursor;
import dev.slowfast.rules.QueryRules;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpStatus;
import java.sql.SQLException;
import java.util.UUID;

/** CRUD on /contacts. Checks run in the contract's order: body (415, 413, 400, 422) before the id (404). */
public final class ContactHandlers {

    private final ContactRepository contacts;

    public ContactHandlers(ContactRepository contacts) {
        this.contacts = contacts;
    }

    public void create(Context ctx) throws SQLException {
        Contact created = contacts.create(validBody(ctx));
        ctx.status(HttpStatus.CREATED).header(Header.LOCATION, "/contacts/" + created.id()).json(created);
    }

    public void list(Context ctx) throws SQLException {
        int limit = (int) QueryRules.LIMIT.parse(ctx.queryParam("limit"));
        long afterSeq = Cursor.decode(ctx.queryParam("after"));

        var page = contacts.page(afterSeq, limit);
        page.nextAfterSeq().ifPresent(seq -> ctx.header(Header.LINK,
                "</contacts?limit=" + limit + "&after=" + Cursor.encode(seq) + ">; rel=\"next\""));
        ctx.json(page.contacts());
    }

    public void get(Context ctx) throws SQLException {
        ctx.json(contacts.find(idOf(ctx)).orElseThrow(ApiProblem::contactNotFound));
    }

    public void update(Context ctx) throws SQLException {
        ContactInput input = validBody(ctx); // before the id: an invalid body is a 422 even for an unknown id
        ctx.json(contacts.update(idOf(ctx), input).orElseThrow(ApiProblem::contactNotFound));
    }

    public void delete(Context ctx) throws SQLException {
        if (!contacts.delete(idOf(ctx))) {
            throw ApiProblem.contactNotFound();
        }
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private static ContactInput validBody(Context ctx) {
        return ContactRules.validated(StrictJson.read(ctx, ContactInput.class));
    }

    /** A malformed id cannot name a contact: it is simply not found (the kernel's rule). */
    private static UUID idOf(Context ctx) {
        return ContactIds.parse(ctx.pathParam("id"));
    }
}
