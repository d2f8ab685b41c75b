package dev.slowfast.reactive.contacts;

import dev.slowfast.reactive.web.JsonBodies;
import dev.slowfast.reactive.web.Problems;
import dev.slowfast.reactive.web.QueryParameters;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** CRUD on /contacts. The order of checks is the contract's: body (415/413/400/422) before id (404). */
@Component
public class ContactsHandler {

    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 100;
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final ContactRepository contacts;

    public ContactsHandler(ContactRepository contacts) {
        this.contacts = contacts;
    }

    public Mono<ServerResponse> create(ServerRequest request) {
        return JsonBodies.read(request, ContactInput.class)
                .map(ContactValidator::validate)
                .flatMap(contacts::insert)
                .flatMap(contact -> ServerResponse.created(URI.create("/contacts/" + contact.id()))
                        .bodyValue(ContactJson.of(contact)));
    }

    /** One page; a Link header points at the next one only if it exists (we fetch one row extra). */
    public Mono<ServerResponse> list(ServerRequest request) {
        int limit = (int) QueryParameters.integer(request, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        long after = QueryParameters.text(request, "after").map(Cursor::decode).orElse(0L);
        return contacts.page(after, limit + 1).collectList().flatMap(rows -> {
            List<Contact> page = rows.subList(0, Math.min(limit, rows.size()));
            ServerResponse.BodyBuilder response = ServerResponse.ok();
            if (rows.size() > limit) {
                String next = "/contacts?limit=" + limit + "&after=" + Cursor.encode(page.getLast().seq());
                response.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
            }
            return response.bodyValue(page.stream().map(ContactJson::of).toList());
        });
    }

    public Mono<ServerResponse> get(ServerRequest request) {
        return Mono.fromSupplier(() -> contactId(request))
                .flatMap(id -> contacts.find(id).switchIfEmpty(Mono.error(() -> notFound(id))))
                .flatMap(contact -> ServerResponse.ok().bodyValue(ContactJson.of(contact)));
    }

    public Mono<ServerResponse> replace(ServerRequest request) {
        return JsonBodies.read(request, ContactInput.class)
                .map(ContactValidator::validate)
                .flatMap(data -> {
                    UUID id = contactId(request);
                    return contacts.replace(id, data).switchIfEmpty(Mono.error(() -> notFound(id)));
                })
                .flatMap(contact -> ServerResponse.ok().bodyValue(ContactJson.of(contact)));
    }

    public Mono<ServerResponse> delete(ServerRequest request) {
        return Mono.fromSupplier(() -> contactId(request))
                .flatMap(id -> contacts.delete(id)
                        .flatMap(deleted -> deleted
                                ? ServerResponse.noContent().build()
                                : Mono.error(notFound(id))));
    }

    /** A malformed id names no contact: 404, like an unknown one, without asking the database. */
    private static UUID contactId(ServerRequest request) {
        String id = request.pathVariable("id");
        if (!UUID_TEXT.matcher(id).matches()) {
            throw Problems.notFound("There is no contact with id '" + id + "'.");
        }
        return UUID.fromString(id);
    }

    private static RuntimeException notFound(UUID id) {
        return Problems.notFound("There is no contact with id '" + id + "'.");
    }
}
