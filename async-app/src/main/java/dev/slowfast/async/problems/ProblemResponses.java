package dev.slowfast.async.problems;

import dev.slowfast.rules.Problem;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** A kernel {@link Problem} as the whole Vert.x response: {@code application/problem+json}, with {@code Retry-After} where the type asks for it. */
public final class ProblemResponses {

    public static final String PROBLEM_JSON = "application/problem+json";

    private ProblemResponses() {
    }

    public static Future<Void> send(HttpServerResponse response, Problem problem) {
        response.setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, PROBLEM_JSON);
        int retryAfter = problem.type().retryAfterSeconds();
        if (retryAfter > 0) {
            response.putHeader(HttpHeaders.RETRY_AFTER, Integer.toString(retryAfter));
        }
        return response.end(body(problem));
    }

    /** The problem's JSON body; rendered once, it can be written to any number of responses. */
    public static Buffer body(Problem problem) {
        return toJson(problem).toBuffer();
    }

    /** RFC 9457 members; {@code errors} only when there are some (validation failures). */
    static JsonObject toJson(Problem problem) {
        JsonObject json = new JsonObject()
                .put("type", problem.typeUri())
                .put("title", problem.title())
                .put("status", problem.status())
                .put("detail", problem.detail());
        if (problem.errors() != null) {
            json.put("errors", new JsonArray(problem.errors().stream()
                    .map(error -> new JsonObject().put("field", error.field()).put("message", error.message()))
                    .toList()));
        }
        return json;
    }
}
