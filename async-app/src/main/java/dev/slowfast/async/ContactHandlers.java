package dev.slowfast.async;

import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The {@code /contacts} endpoints. Each returns a Future of its body for {@code Route.respond};
 * a failed Future goes to {@link ProblemHandler}. Checks run in the contract's order: body shape
 * (400), field rules (422), then the id (404).
 */
final class ContactHandlers {

    static final int DEFAULT_PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 100;
    /** Exactly what the API hands out; {@code UUID.fromString} alone would accept e.g. "1-1-1-1-1". */
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final ContactRepository contacts;

    ContactHandlers(ContactRepository contacts) {
        this.contacts = contacts;
    }

    Future<JsonArray> list(RoutingContext ctx) {
        int limit = (int) QueryParams.integer(ctx, "limit", 1, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE);
        long after = Cursor.decode(QueryParams.text(ctx, "after"));
        // One row more than the page tells whether a next page exists.
        return contacts.listAfter(after, limit + 1).map(rows -> {
            List<Contact> page = rows.size() > limit ? rows.subList(0, limit) : rows;
            if (rows.size() > limit) {
                String next = "/contacts?limit=" + limit + "&after=" + Cursor.encode(page.getLast().seq());
                ctx.response().putHeader("Link", "<" + next + ">; rel=\"next\"");
            }
            return new JsonArray(page.stream().map(Contact::toJson).toList());
        });
    }

    Future<JsonObject> create(RoutingContext ctx) {
        ContactInput input = ContactRules.validate(ContactInput.fromJson(ctx.body().buffer()));
        return contacts.create(input).map(contact -> {
            ctx.response().setStatusCode(201).putHeader(HttpHeaders.LOCATION, "/contacts/" + contact.id());
            return contact.toJson();
        });
    }

    Future<JsonObject> get(RoutingContext ctx) {
        UUID id = contactId(ctx);
        return contacts.find(id).map(found -> orNotFound(found).toJson());
    }

    Future<JsonObject> replace(RoutingContext ctx) {
        ContactInput input = ContactRules.validate(ContactInput.fromJson(ctx.body().buffer()));
        UUID id = contactId(ctx);
        return contacts.replace(id, input).map(replaced -> orNotFound(replaced).toJson());
    }

    /** Completes with null, which {@code Route.respond} answers with 204 No Content. */
    Future<Void> delete(RoutingContext ctx) {
        UUID id = contactId(ctx);
        return contacts.delete(id).compose(deleted -> deleted
                ? Future.succeededFuture()
                : Future.failedFuture(notFound()));
    }

    /** A malformed id cannot name a contact, so it is simply not found. */
    private static UUID contactId(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        if (id == null || !UUID_TEXT.matcher(id).matches()) {
            throw notFound();
        }
        return UUID.fromString(id);
    }

    private static Contact orNotFound(Optional<Contact> contact) {
        return contact.orElseThrow(ContactHandlers::notFound);
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("There is no contact with this id.");
    }
}
