package dev.slowfast.async.contacts;

import dev.slowfast.async.json.StrictJson;
import dev.slowfast.rules.ApiProblem;
import dev.slowfast.rules.ContactIds;
import dev.slowfast.rules.ContactInput;
import dev.slowfast.rules.ContactRules;
import dev.slowfast.rules.Cursor;
import dev.slowfast.rules.QueryRules;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;

/**
 * The {@code /contacts} endpoints. Each returns a Future of its body for {@code Route.respond}; a
 * failure (thrown or failed Future) goes to the router's error handler. Checks run in the
 * contract's order: body shape (400), field rules (422), then the id (404).
 */
public final class ContactHandlers {

    private final ContactRepository contacts;

    public ContactHandlers(ContactRepository contacts) {
        this.contacts = contacts;
    }

    public Future<JsonArray> list(RoutingContext ctx) {
        int limit = (int) QueryRules.LIMIT.parse(ctx.request().getParam("limit"));
        long after = Cursor.decode(ctx.request().getParam("after"));
        return contacts.page(after, limit).map(page -> {
            page.nextAfterSeq().ifPresent(seq -> ctx.response().putHeader("Link",
                    "</contacts?limit=" + limit + "&after=" + Cursor.encode(seq) + ">; rel=\"next\""));
            return new JsonArray(page.contacts().stream().map(Contact::toJson).toList());
        });
    }

    public Future<JsonObject> create(RoutingContext ctx) {
        ContactInput input = ContactRules.validated(StrictJson.read(ctx.body().buffer(), ContactInput.class));
        return contacts.create(input).map(contact -> {
            ctx.response().setStatusCode(201).putHeader(HttpHeaders.LOCATION, "/contacts/" + contact.id());
            return contact.toJson();
        });
    }

    public Future<JsonObject> get(RoutingContext ctx) {
        UUID id = contactId(ctx);
        return contacts.find(id).map(found -> found.orElseThrow(ApiProblem::contactNotFound).toJson());
    }

    public Future<JsonObject> update(RoutingContext ctx) {
        ContactInput input = ContactRules.validated(StrictJson.read(ctx.body().buffer(), ContactInput.class));
        UUID id = contactId(ctx);
        return contacts.update(id, input).map(updated -> updated.orElseThrow(ApiProblem::contactNotFound).toJson());
    }

    /** Completes with null, which {@code Route.respond} answers with 204 No Content. */
    public Future<Void> delete(RoutingContext ctx) {
        UUID id = contactId(ctx);
        return contacts.delete(id).compose(deleted -> deleted
                ? Future.succeededFuture()
                : Future.failedFuture(ApiProblem.contactNotFound()));
    }

    /** A malformed id cannot name a contact, so it is simply not found (the kernel's rule). */
    private static UUID contactId(RoutingContext ctx) {
        return ContactIds.parse(ctx.pathParam("id"));
    }
}
