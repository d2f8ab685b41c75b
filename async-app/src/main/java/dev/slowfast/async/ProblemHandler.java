package dev.slowfast.async;

import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.lang.System.Logger.Level;

/**
 * Turns every failure into an {@code application/problem+json} answer: the router's own verdicts
 * (404 unknown path, 405 wrong method, 415 wrong content type, 413 from the body handler, 400 for
 * an undecodable query) and the failed futures of our handlers. Registered with
 * {@code Router.errorHandler(status, ...)} for each status, so Vert.x Web never answers in its
 * own text/html format.
 */
final class ProblemHandler {

    private static final System.Logger LOG = System.getLogger(ProblemHandler.class.getName());
    static final String PROBLEM_JSON = "application/problem+json";

    private final AllowedMethods allowedMethods;

    ProblemHandler(AllowedMethods allowedMethods) {
        this.allowedMethods = allowedMethods;
    }

    /** {@code status} is what the router decided; our own exceptions say more precisely what went wrong. */
    void handle(RoutingContext ctx, int status) {
        Problem problem = problemFor(ctx, status);
        HttpServerResponse response = ctx.response();
        if (response.headWritten()) {
            response.reset(); // too late for a problem: the status line is already on the wire
            return;
        }
        if (problem.status() == 405) {
            response.putHeader(HttpHeaders.ALLOW, allowedMethods.forPath(ctx.normalizedPath()));
        }
        send(response, problem);
    }

    /** Writes {@code problem} as the whole response; also used below the router (see {@link RequestHeadLimits}). */
    static Future<Void> send(HttpServerResponse response, Problem problem) {
        response.setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, PROBLEM_JSON);
        String retryAfter = problem.retryAfterSeconds();
        if (retryAfter != null) {
            response.putHeader(HttpHeaders.RETRY_AFTER, retryAfter);
        }
        return response.end(problem.toJson().toBuffer());
    }

    private static Problem problemFor(RoutingContext ctx, int status) {
        Throwable failure = ctx.failure();
        if (failure instanceof ProblemException answer) {
            return answer.problem();
        }
        if (failure instanceof DatabaseUnavailableException unavailable) {
            LOG.log(Level.DEBUG, () -> ctx.request().method() + " " + ctx.request().path() + ": " + unavailable.getMessage());
            return Problem.databaseUnavailable();
        }
        return switch (status) {
            case 400 -> Problem.badRequest("The request could not be decoded.");
            case 404 -> Problem.notFound("There is nothing at this path.");
            case 405 -> Problem.methodNotAllowed(ctx.request().method().name(), ctx.normalizedPath());
            case 413 -> Problem.contentTooLarge();
            case 415 -> Problem.unsupportedMediaType();
            default -> {
                LOG.log(Level.ERROR, "Failed " + ctx.request().method() + " " + ctx.request().path(), failure);
                yield Problem.internalError();
            }
        };
    }
}
