package dev.slowfast.reactive.contacts;

import dev.slowfast.rules.ApiProblem;
import dev.slowfast.rules.ContactIds;
import dev.slowfast.rules.ContactInput;
import dev.slowfast.rules.ContactRules;
import dev.slowfast.rules.Cursor;
import dev.slowfast.rules.ProblemDetails;
import dev.slowfast.rules.ProblemType;
import dev.slowfast.rules.QueryRules;
import dev.slowfast.rules.RequestLimits;
import dev.slowfast.rules.json.JsonComplaints;
import java.net.URI;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * CRUD on /contacts. The order of checks is the contract's: body (415, 413, 400, 422) before id
 * (404). The body's JSON strictness is the mapper's (json/StrictJson); its failures are worded in
 * problems/ErrorMapping.
 */
@Component
public class ContactHandlers {

    private final ContactRepository contacts;

    public ContactHandlers(ContactRepository contacts) {
        this.contacts = contacts;
    }

    public Mono<ServerResponse> create(ServerRequest request) {
        return body(request)
                .map(ContactRules::validated)
                .flatMap(contacts::create)
                .flatMap(contact -> ServerResponse.created(URI.create("/contacts/" + contact.id()))
                        .bodyValue(View.of(contact)));
    }

    /** One page; a Link header points at the next one only if it exists (we fetch one row extra). */
    public Mono<ServerResponse> list(ServerRequest request) {
        int limit = (int) QueryRules.LIMIT.parse(request.queryParam("limit").orElse(null));
        long after = Cursor.decode(request.queryParam("after").orElse(null));
        return contacts.page(after, limit + 1).flatMap(rows -> {
            List<Contact> page = rows.subList(0, Math.min(limit, rows.size()));
            ServerResponse.BodyBuilder response = ServerResponse.ok();
            if (rows.size() > limit) {
                String next = "/contacts?limit=" + limit + "&after=" + Cursor.encode(page.getLast().seq());
                response.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
            }
            return response.bodyValue(page.stream().map(View::of).toList());
        });
    }

    public Mono<ServerResponse> get(ServerRequest request) {
        return Mono.fromSupplier(() -> id(request))
                .flatMap(id -> contacts.find(id).switchIfEmpty(Mono.error(ApiProblem::contactNotFound)))
                .flatMap(contact -> ServerResponse.ok().bodyValue(View.of(contact)));
    }

    public Mono<ServerResponse> update(ServerRequest request) {
        return body(request)
                .map(ContactRules::validated)
                .flatMap(input -> contacts.update(id(request), input).switchIfEmpty(Mono.error(ApiProblem::contactNotFound)))
                .flatMap(contact -> ServerResponse.ok().bodyValue(View.of(contact)));
    }

    public Mono<ServerResponse> delete(ServerRequest request) {
        return Mono.fromSupplier(() -> id(request))
                .flatMap(contacts::delete)
                .flatMap(deleted -> deleted ? ServerResponse.noContent().build() : Mono.error(ApiProblem.contactNotFound()));
    }

    /** The body as sent: application/json (415), at most 64 KiB (413), one JSON object (400). */
    private static Mono<ContactInput> body(ServerRequest request) {
        return Mono.defer(() -> {
            if (!isJson(request)) {
                return Mono.error(ApiProblem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, ProblemDetails.UNSUPPORTED_MEDIA_TYPE));
            }
            // As spring.http.codecs.max-in-memory-size: a declared length above it is refused unread.
            if (request.headers().contentLength().orElse(0) > RequestLimits.MAX_BODY_BYTES) {
                return Mono.error(ApiProblem.of(ProblemType.CONTENT_TOO_LARGE, ProblemDetails.CONTENT_TOO_LARGE));
            }
            return request.bodyToMono(ContactInput.class)
                    .switchIfEmpty(Mono.error(() -> ApiProblem.badRequest(JsonComplaints.NOT_AN_OBJECT)));
        });
    }

    /** application/json, with or without parameters such as charset; nothing else. */
    private static boolean isJson(ServerRequest request) {
        try {
            return request.headers().contentType().filter(MediaType.APPLICATION_JSON::equalsTypeAndSubtype).isPresent();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    /** A malformed id names no contact: 404, like an unknown one, without asking the database. */
    private static UUID id(ServerRequest request) {
        return ContactIds.parse(request.pathVariable("id"));
    }

    /** A contact as clients see it: no {@code seq}, and {@code createdAt} always with six fraction digits. */
    record View(String id, String name, String email, String phone, String createdAt) {

        private static final DateTimeFormatter CREATED_AT =
                DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

        static View of(Contact contact) {
            return new View(contact.id().toString(), contact.name(), contact.email(), contact.phone(),
                    CREATED_AT.format(contact.createdAt()));
        }
    }
}
