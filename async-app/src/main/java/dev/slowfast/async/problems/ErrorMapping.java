package dev.slowfast.async.problems;

import dev.slowfast.async.json.StrictJson;
import dev.slowfast.rules.ApiProblem;
import dev.slowfast.rules.Problem;
import dev.slowfast.rules.ProblemDetails;
import dev.slowfast.rules.ProblemType;
import dev.slowfast.rules.json.JsonComplaints;
import io.vertx.ext.web.RoutingContext;
import tools.jackson.core.JacksonException;

/**
 * The failure of a request (a handler threw or failed its Future) as a kernel {@link Problem}: the
 * {@link ApiProblem}s of handlers and the database as they are, a body {@link StrictJson} refused as
 * a 400 (worded by the kernel's {@link JsonComplaints}), anything else as a 500, logged once, off
 * the event loop ({@link FailureLog}).
 */
public final class ErrorMapping {

    private ErrorMapping() {
    }

    public static Problem toProblem(RoutingContext ctx) {
        return switch (ctx.failure()) {
            case ApiProblem answer -> answer.problem();
            case JacksonException refused -> JsonComplaints.badRequest(refused).problem();
            case null, default -> {
                FailureLog.error("Failed " + ctx.request().method() + " " + ctx.request().path(), ctx.failure());
                yield Problem.of(ProblemType.INTERNAL_ERROR, ProblemDetails.INTERNAL_ERROR);
            }
        };
    }
}
