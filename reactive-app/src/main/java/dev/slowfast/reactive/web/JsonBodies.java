package dev.slowfast.reactive.web;

import org.springframework.core.codec.DecodingException;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Reads a JSON request body the way the contract orders its checks: content type (415), then size
 * (413), then JSON syntax and shape (400). The strictness itself lives in {@link StrictJson}.
 */
public final class JsonBodies {

    /** 64 KiB; the same number is configured as spring.http.codecs.max-in-memory-size. */
    public static final int MAX_BYTES = 65_536;

    private JsonBodies() {
    }

    public static <T> Mono<T> read(ServerRequest request, Class<T> type) {
        return Mono.defer(() -> {
            if (!isJson(request)) {
                return Mono.error(Problems.unsupportedMediaType());
            }
            // A declared length lets us refuse before reading anything.
            if (request.headers().contentLength().orElse(0) > MAX_BYTES) {
                return Mono.error(Problems.contentTooLarge());
            }
            // Over-long chunked bodies fail with DataBufferLimitException: a 413, mapped centrally.
            return request.bodyToMono(type)
                    .onErrorMap(JsonBodies::isUnreadable, JsonBodies::toProblem)
                    .switchIfEmpty(Mono.error(() -> Problems.badRequest("The request body must be a JSON object.")));
        });
    }

    /** The codec's "not JSON / not this shape", as WebFlux reports it (wrapped or not). */
    private static boolean isUnreadable(Throwable error) {
        return error instanceof ServerWebInputException || error instanceof DecodingException;
    }

    /** application/json, with or without parameters such as charset; nothing else. */
    private static boolean isJson(ServerRequest request) {
        try {
            return request.headers().contentType()
                    .filter(MediaType.APPLICATION_JSON::equalsTypeAndSubtype)
                    .isPresent();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    /** A 400 whose detail names the field at fault, without Jackson's class names. */
    static ErrorResponseException toProblem(Throwable error) {
        JacksonException jackson = jacksonCause(error);
        if (jackson instanceof UnrecognizedPropertyException unknown) {
            return Problems.badRequest("Unknown field '" + unknown.getPropertyName() + "'.");
        }
        if (jackson instanceof MismatchedInputException mismatch) {
            String field = mismatch.getPath().isEmpty() ? null : mismatch.getPath().getFirst().getPropertyName();
            return Problems.badRequest(field == null
                    ? "The request body must be a JSON object."
                    : "Field '" + field + "' must be a string or null.");
        }
        if (jackson instanceof StreamConstraintsException) {
            // Jackson's StreamReadConstraints: nesting depth, number length and the like.
            return Problems.badRequest("The request body exceeds a JSON limit (nesting depth or number length).");
        }
        if (jackson instanceof StreamReadException) {
            return Problems.badRequest("The request body is not valid JSON.");
        }
        return Problems.badRequest("The request body could not be read as JSON.");
    }

    private static JacksonException jacksonCause(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof JacksonException jackson) {
                return jackson;
            }
        }
        return null;
    }
}
