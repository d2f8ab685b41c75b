package dev.slowfast.blocking.web;

import dev.slowfast.blocking.db.DatabaseFailures;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become responses: every error the app sends, including Javalin's own
 * 404, 405 and 413, is an {@code application/problem+json} body from docs/contract.md.
 */
public final class ErrorMapping {

    public static final String PROBLEM_JSON = "application/problem+json";
    private static final String RETRY_AFTER_SECONDS = "5";
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
            respond(ctx, Problem.of(ProblemType.INTERNAL_ERROR, "The server failed to answer this request."));
        });
    }

    /** Javalin answers unknown paths, wrong methods and oversized bodies by throwing these. */
    private static void javalinResponse(HttpResponseException e, Context ctx) {
        switch (e.getStatus()) {
            case 404 -> respond(ctx, Problem.of(ProblemType.NOT_FOUND, "There is nothing at " + ctx.path() + "."));
            case 405 -> {
                // Javalin lists the path's methods in the exception, under a key that depends on Accept.
                String allowed = e.getDetails().getOrDefault("availableMethods", e.getDetails().get("Available methods"));
                ctx.header(Header.ALLOW, allowed);
                respond(ctx, Problem.of(ProblemType.METHOD_NOT_ALLOWED,
                        ctx.method() + " is not allowed on " + ctx.path() + "; allowed: " + allowed + "."));
            }
            case 413 -> respond(ctx, Problem.of(ProblemType.CONTENT_TOO_LARGE,
                    "The request body is larger than " + JsonBody.MAX_BYTES + " bytes."));
            case 400 -> respond(ctx, Problem.of(ProblemType.BAD_REQUEST, "The request is malformed."));
            default -> {
                LOG.error("Unmapped Javalin response {} for {} {}", e.getStatus(), ctx.method(), ctx.path(), e);
                respond(ctx, Problem.of(ProblemType.INTERNAL_ERROR, "The server failed to answer this request."));
            }
        }
    }

    private static void databaseFailure(SQLException e, Context ctx) {
        if (DatabaseFailures.isUnavailable(e)) {
            LOG.warn("Database unavailable for {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
            ctx.header(Header.RETRY_AFTER, RETRY_AFTER_SECONDS);
            respond(ctx, Problem.of(ProblemType.DATABASE_UNAVAILABLE, "The database is not available; try again later."));
        } else {
            LOG.error("SQL failure in {} {}", ctx.method(), ctx.path(), e);
            respond(ctx, Problem.of(ProblemType.INTERNAL_ERROR, "The server failed to answer this request."));
        }
    }

    private static void respond(Context ctx, Problem problem) {
        discardUnreadBody(ctx);
        ctx.status(problem.status()).json(problem).contentType(PROBLEM_JSON);
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
