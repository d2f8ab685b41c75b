package dev.slowfast.reactive.web;

import dev.slowfast.reactive.db.DatabaseErrors;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.MediaType;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The app's one error handler (it replaces Boot's default one): every failure, ours or the
 * framework's, leaves as one of the contract's problems. Nothing else, and never a stack trace.
 */
@Component
@Order(-2) // ahead of Spring's WebFluxResponseStatusExceptionHandler
public class ProblemExceptionHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    private final ServerResponse.Context context;

    public ProblemExceptionHandler(ServerCodecConfigurer codecs) {
        this.context = new ServerResponse.Context() {
            @Override
            public List<HttpMessageWriter<?>> messageWriters() {
                return codecs.getWriters();
            }

            @Override
            public List<ViewResolver> viewResolvers() {
                return List.of();
            }
        };
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error); // too late for a problem body; let the server drop the connection
        }
        ErrorResponse problem = toProblem(error);
        return ServerResponse.status(problem.getStatusCode())
                .headers(headers -> headers.addAll(problem.getHeaders()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyValue(problem.getBody())
                .flatMap(response -> response.writeTo(exchange, context));
    }

    static ErrorResponse toProblem(Throwable error) {
        if (error instanceof ErrorResponseException problem && Problems.isContractProblem(problem)) {
            return problem;
        }
        if (causedBy(error, DataBufferLimitException.class)) {
            return Problems.contentTooLarge();
        }
        if (DatabaseErrors.isUnavailable(error)) {
            return Problems.databaseUnavailable();
        }
        // The framework's own answers (ResponseStatusException and friends), e.g. 415 from a codec.
        if (error instanceof ErrorResponse framework) {
            switch (framework.getStatusCode().value()) {
                case 400: return Problems.badRequest("The request is malformed.");
                case 404: return Problems.notFound("There is nothing at this path.");
                case 405: return Problems.methodNotAllowed(framework.getHeaders().getAllow());
                case 413: return Problems.contentTooLarge();
                case 415: return Problems.unsupportedMediaType();
                default: break;
            }
        }
        logBug(error);
        return Problems.internalError();
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** Logging writes to stdout, which blocks: never on an event loop. */
    private static void logBug(Throwable error) {
        Schedulers.boundedElastic().schedule(() -> log.error("Unexpected failure, answered 500", error));
    }
}
