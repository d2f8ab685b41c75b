package dev.slowfast.downstream;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/** The two kinds of body this service writes: JSON, and an RFC 9457 problem. */
final class Answers {

    private Answers() {
    }

    static void json(HttpServerResponse response, JsonObject body) {
        response.putHeader("Content-Type", "application/json").end(body.encode());
    }

    static void problem(HttpServerResponse response, int status, String title, String detail) {
        var body = new JsonObject().put("title", title).put("status", status).put("detail", detail);
        response.setStatusCode(status).putHeader("Content-Type", "application/problem+json").end(body.encode());
    }

    static void badRequest(HttpServerResponse response, String detail) {
        problem(response, 400, "Bad Request", detail);
    }
}
