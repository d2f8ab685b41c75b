package dev.slowfast.reactive.problems;

import dev.slowfast.rules.ApiProblem;
import dev.slowfast.rules.Problem;
import dev.slowfast.rules.ProblemDetails;
import dev.slowfast.rules.ProblemType;
import dev.slowfast.rules.json.JsonComplaints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/**
 * The app's one error handler (it replaces Boot's default one): every failure, ours or the
 * framework's, leaves as one of the contract's problems. Nothing else, and never a stack trace.
 */
@Component
@Order(-2) // ahead of Spring's WebFluxResponseStatusExceptionHandler
public class ErrorMapping implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ErrorMapping.class);

    private final ProblemResponses responses;

    public ErrorMapping(ProblemResponses responses) {
        this.responses = responses;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error); // too late for a problem body; let the server drop the connection
        }
        if (error instanceof ErrorResponse framework) {
            exchange.getResponse().getHeaders().addAll(framework.getHeaders()); // e.g. a 405's Allow
        }
        return responses.write(exchange, problem(exchange.getRequest().getMethod(), error));
    }

    static Problem problem(HttpMethod method, Throwable error) {
        if (error instanceof ApiProblem problem) {
            return problem.problem();
        }
        // An over-long chunked body, found while reading (functional endpoints would make it a 500).
        if (cause(error, DataBufferLimitException.class) != null) {
            return Problem.of(ProblemType.CONTENT_TOO_LARGE, ProblemDetails.CONTENT_TOO_LARGE);
        }
        if (error instanceof ServerWebInputException || error instanceof DecodingException) {
            return unreadable(error);
        }
        // The framework's own answers (ResponseStatusException and friends).
        if (error instanceof ErrorResponse framework) {
            switch (framework.getStatusCode().value()) {
                case 400: return Problem.of(ProblemType.BAD_REQUEST, "The request is malformed.");
                case 404: return Problem.of(ProblemType.NOT_FOUND, ProblemDetails.NO_SUCH_PATH);
                case 405: return Problem.of(ProblemType.METHOD_NOT_ALLOWED, ProblemDetails.methodNotAllowed(method.name(),
                        framework.getHeaders().getAllow().stream().map(HttpMethod::name).toList()));
                case 413: return Problem.of(ProblemType.CONTENT_TOO_LARGE, ProblemDetails.CONTENT_TOO_LARGE);
                case 415: return Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, ProblemDetails.UNSUPPORTED_MEDIA_TYPE);
                default: break;
            }
        }
        log.error("Unexpected failure, answered 500", error);
        return Problem.of(ProblemType.INTERNAL_ERROR, ProblemDetails.INTERNAL_ERROR);
    }

    /**
     * A body the codec could not read: the kernel's wording of the Jackson failure Spring wrapped, without
     * Jackson's class names; the rare failure without one (not Jackson's doing) in words of its own.
     */
    private static Problem unreadable(Throwable error) {
        return JsonComplaints.find(error).map(ApiProblem::problem)
                .orElseGet(() -> Problem.of(ProblemType.BAD_REQUEST, "The request body could not be read as JSON."));
    }

    private static Throwable cause(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
        }
        return null;
    }
}
