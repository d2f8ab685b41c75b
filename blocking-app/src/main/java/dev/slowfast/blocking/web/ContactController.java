package dev.slowfast.blocking.web;

import dev.slowfast.blocking.contacts.Contact;
import dev.slowfast.blocking.contacts.ContactInput;
import dev.slowfast.blocking.contacts.ContactRepository;
import dev.slowfast.blocking.contacts.ContactRules;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpStatus;
import java.sql.SQLException;
import java.util.UUID;
import java.util.regex.Pattern;

/** CRUD on /contacts. Checks run in the contract's order: body (415, 413, 400, 422) before the id (404). */
public final class ContactController {

    private static final int MAX_LIMIT = 100;
    private static final int DEFAULT_LIMIT = 20;
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final ContactRepository contacts;
    private final JsonBody json;

    public ContactController(ContactRepository contacts, JsonBody json) {
        this.contacts = contacts;
        this.json = json;
    }

    public void create(Context ctx) throws SQLException {
        Contact created = contacts.create(validBody(ctx));
        ctx.status(HttpStatus.CREATED).header(Header.LOCATION, "/contacts/" + created.id()).json(created);
    }

    public void list(Context ctx) throws SQLException {
        int limit = (int) QueryParams.integer(ctx, "limit", 1, MAX_LIMIT, DEFAULT_LIMIT);
        String after = ctx.queryParam("after");
        long afterSeq = after == null ? 0 : Cursor.decode(after);

        var page = contacts.list(afterSeq, limit);
        page.nextAfterSeq().ifPresent(seq -> ctx.header(Header.LINK,
                "</contacts?limit=" + limit + "&after=" + Cursor.encode(seq) + ">; rel=\"next\""));
        ctx.json(page.contacts());
    }

    public void get(Context ctx) throws SQLException {
        ctx.json(contacts.find(idOf(ctx)).orElseThrow(() -> notFound(ctx)));
    }

    public void replace(Context ctx) throws SQLException {
        ContactInput input = validBody(ctx); // before the id: an invalid body is a 422 even for an unknown id
        ctx.json(contacts.replace(idOf(ctx), input).orElseThrow(() -> notFound(ctx)));
    }

    public void delete(Context ctx) throws SQLException {
        if (!contacts.delete(idOf(ctx))) {
            throw notFound(ctx);
        }
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private ContactInput validBody(Context ctx) {
        ContactInput input = json.read(ctx, ContactInput.class);
        var errors = ContactRules.check(input);
        if (!errors.isEmpty()) {
            throw ApiProblem.validationFailed(errors);
        }
        return ContactRules.normalize(input);
    }

    /** A malformed id cannot name a contact: it is simply not found. */
    private static UUID idOf(Context ctx) {
        String id = ctx.pathParam("id");
        if (!UUID_TEXT.matcher(id).matches()) {
            throw notFound(ctx);
        }
        return UUID.fromString(id);
    }

    private static ApiProblem notFound(Context ctx) {
        return ApiProblem.notFound("There is no contact with id '" + ctx.pathParam("id") + "'.");
    }
}
