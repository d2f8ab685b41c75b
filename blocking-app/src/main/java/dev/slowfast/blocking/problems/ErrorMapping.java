package dev.slowfast.blocking.problems;

import dev.slowfast.blocking.db.DatabaseFailures;
import dev.slowfast.rules.ApiProblem;
import dev.slowfast.rules.Problem;
import dev.slowfast.rules.ProblemDetails;
import dev.slowfast.rules.ProblemType;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures in Javalin become problems: our {@link ApiProblem}s, Javalin's own 404, 405 and
 * 413, a database that does not answer (503), and anything else (500, logged once).
 */
public final class ErrorMapping {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);
    private static volatile UnreadBody unreadBody = UnreadBody.NONE;

    private ErrorMapping() {
    }

    /**
     * {@code unreadBody} tells whether a request's body was left unread, and reads and drops the rest of it (with
     * a deadline) once the answer is out; it comes from the edge.
     */
    public static void register(RoutesConfig routes, UnreadBody unreadBody) {
        ErrorMapping.unreadBody = unreadBody;
        routes.exception(ApiProblem.class, (e, ctx) -> respond(ctx, e.problem()));
        routes.exception(HttpResponseException.class, ErrorMapping::javalinResponse);
        routes.exception(SQLException.class, ErrorMapping::databaseFailure);
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("Unexpected failure in {} {}", ctx.method(), ctx.path(), e);
            respond(ctx, Problem.of(ProblemType.INTERNAL_ERROR, ProblemDetails.INTERNAL_ERROR));
        });
    }

    /** Javalin answers unknown paths, wrong methods and oversized bodies by throwing these. */
    private static void javalinResponse(HttpResponseException e, Context ctx) {
        switch (e.getStatus()) {
            case 404 -> respond(ctx, Problem.of(ProblemType.NOT_FOUND, ProblemDetails.NO_SUCH_PATH));
            case 405 -> {
                // prefer405over404 lists the path's methods in the exception (under a key that depends on Accept);
                // Javalin's default mapper copies them to Allow, but it is the one this mapping replaces.
                String allowed = e.getDetails().getOrDefault("availableMethods", e.getDetails().get("Available methods"));
                ctx.header(Header.ALLOW, allowed);
                respond(ctx, Problem.of(ProblemType.METHOD_NOT_ALLOWED,
                        ProblemDetails.methodNotAllowed(ctx.method().name(), Arrays.asList(allowed.split(", *")))));
            }
            case 413 -> respond(ctx, Problem.of(ProblemType.CONTENT_TOO_LARGE, ProblemDetails.CONTENT_TOO_LARGE));
            default -> {
                LOG.error("Unmapped Javalin response {} for {} {}", e.getStatus(), ctx.method(), ctx.path(), e);
                respond(ctx, Problem.of(ProblemType.INTERNAL_ERROR, ProblemDetails.INTERNAL_ERROR));
            }
        }
    }

    private static void databaseFailure(SQLException e, Context ctx) {
        if (DatabaseFailures.isUnavailable(e)) {
            LOG.warn("Database unavailable for {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
            respond(ctx, Problem.of(ProblemType.DATABASE_UNAVAILABLE, ProblemDetails.DATABASE_UNAVAILABLE));
        } else {
            LOG.error("SQL failure in {} {}", ctx.method(), ctx.path(), e);
            respond(ctx, Problem.of(ProblemType.INTERNAL_ERROR, ProblemDetails.INTERNAL_ERROR));
        }
    }

    /**
     * An error can leave the body unread (a 404 or 415 before it, a 413 after 64 KiB). Then the answer goes out at
     * once with {@code Connection: close}, and the rest of the body is read and dropped for a bounded time, so that
     * closing the connection does not reset it under an answer the client has not read yet.
     */
    private static void respond(Context ctx, Problem problem) {
        if (!unreadBody.isLeftUnread(ctx)) {
            ProblemResponses.send(ctx, problem);
            return;
        }
        ctx.header(Header.CONNECTION, "close");
        try {
            ProblemResponses.sendNow(ctx, problem);
        } catch (IOException e) {
            return; // the client has gone
        }
        unreadBody.drainAfterAnswer(ctx);
    }

    /** What the edge does about a body a handler did not read. */
    public interface UnreadBody {
        UnreadBody NONE = new UnreadBody() {
            @Override
            public boolean isLeftUnread(Context ctx) {
                return false;
            }

            @Override
            public void drainAfterAnswer(Context ctx) {
            }
        };

        boolean isLeftUnread(Context ctx);

        void drainAfterAnswer(Context ctx);
    }
}
