package dev.slowfast.reactive.problems;

import dev.slowfast.rules.Problem;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * A kernel {@link Problem} as Spring's {@link ProblemDetail}, written as application/problem+json by
 * Boot's JSON mapper (which carries Spring's ProblemDetail mix-in: {@code errors} appears at the top
 * level, and only when there are any).
 */
@Component
public class ProblemResponses {

    private final JsonMapper json;

    public ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    public static ProblemDetail detail(Problem problem) {
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(problem.status()), problem.detail());
        detail.setType(URI.create(problem.typeUri()));
        detail.setTitle(problem.title());
        if (problem.errors() != null) {
            detail.setProperty("errors", problem.errors());
        }
        return detail;
    }

    /** The body, for answers written below Spring (netty/). */
    public byte[] body(Problem problem) {
        return json.writeValueAsBytes(detail(problem));
    }

    /** Answers the exchange with the problem, keeping headers already set on the response. */
    public Mono<Void> write(ServerWebExchange exchange, Problem problem) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatusCode.valueOf(problem.status()));
        HttpHeaders headers = response.getHeaders();
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (problem.type().retryAfterSeconds() > 0) {
            headers.set(HttpHeaders.RETRY_AFTER, Integer.toString(problem.type().retryAfterSeconds()));
        }
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body(problem))));
    }
}
