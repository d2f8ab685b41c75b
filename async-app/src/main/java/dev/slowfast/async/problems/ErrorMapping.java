package dev.slowfast.async.problems;

import dev.slowfast.async.json.StrictJson;
import dev.slowfast.rules.ApiProblem;
import dev.slowfast.rules.Problem;
import dev.slowfast.rules.ProblemDetails;
import dev.slowfast.rules.ProblemType;
import io.vertx.ext.web.RoutingContext;
import java.lang.System.Logger.Level;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The failure of a request (a handler threw or failed its Future) as a kernel {@link Problem}: the
 * {@link ApiProblem}s of handlers and the database as they are, a body {@link StrictJson} refused as
 * a 400, anything else as a 500, logged here once.
 */
public final class ErrorMapping {

    private static final System.Logger LOG = System.getLogger(ErrorMapping.class.getName());

    private ErrorMapping() {
    }

    public static Problem toProblem(RoutingContext ctx) {
        return switch (ctx.failure()) {
            case ApiProblem answer -> answer.problem();
            case JacksonException refused -> Problem.of(ProblemType.BAD_REQUEST, complaint(refused));
            case null, default -> {
                LOG.log(Level.ERROR, "Failed " + ctx.request().method() + " " + ctx.request().path(), ctx.failure());
                yield Problem.of(ProblemType.INTERNAL_ERROR, ProblemDetails.INTERNAL_ERROR);
            }
        };
    }

    /** What is wrong with the body, in the client's terms. */
    private static String complaint(JacksonException e) {
        return switch (e) {
            case UnrecognizedPropertyException unknown -> "Unknown field '" + unknown.getPropertyName() + "'.";
            case MismatchedInputException wrongShape -> wrongShape.getPath().isEmpty()
                    ? StrictJson.NOT_AN_OBJECT
                    : "Field '" + wrongShape.getPath().getLast().getPropertyName() + "' must be a string or null.";
            case StreamConstraintsException tooBig -> "The request body nests too deeply or holds too long a number.";
            default -> ProblemDetails.NOT_JSON; // also bytes that are not UTF-8
        };
    }
}
