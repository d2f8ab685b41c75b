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

    private static final long MAX_DISCARDED_BYTES = 16L * 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

    private ErrorMapping() {
    }

    public static void register(RoutesConfig routes) {
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

    private static void respond(Context ctx, Problem problem) {
        discardUnreadBody(ctx);
        ProblemResponses.send(ctx, problem);
    }

    /**
     * An error can leave part of the request body unread (a 415, or a 413 after 64 KiB). Jetty then
     * closes the connection, and a close with unread bytes resets it, so a client still sending may
     * never see our answer. Reading the rest first avoids that; a huge upload is still cut off.
     */
    private static void discardUnreadBody(Context ctx) {
        byte[] buffer = new byte[8192];
        long discarded = 0;
        try {
            var body = ctx.req().getInputStream();
            int read;
            while (discarded < MAX_DISCARDED_BYTES && (read = body.read(buffer)) != -1) {
                discarded += read;
            }
        } catch (IOException | IllegalStateException e) {
            // the client went away or the body is unreadable: nothing left to protect
        }
    }
}
