package dev.slowfast.async.vertx;

import dev.slowfast.async.problems.ErrorMapping;
import dev.slowfast.async.problems.ProblemResponses;
import dev.slowfast.rules.ApiProblem;
import dev.slowfast.rules.Problem;
import dev.slowfast.rules.ProblemDetails;
import dev.slowfast.rules.ProblemType;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What Vert.x and Netty answer on their own, worded as problems: the router's verdicts (404, 405,
 * 413, 415, 400), the requests Netty could not decode (414, 431, 400), and the query Vert.x cannot
 * decode. Failures of handlers go on to {@link ErrorMapping}.
 */
public final class FrameworkErrors {

    static final Problem URI_TOO_LONG = Problem.of(ProblemType.URI_TOO_LONG, ProblemDetails.URI_TOO_LONG);
    /** Vert.x Web's 400s: no Host header, or a path parameter whose query does not decode. */
    private static final String UNDECODABLE = "The request could not be decoded.";
    private static final String NOT_HTTP = "The request is not valid HTTP/1.1.";
    private static final String ALLOWED_METHODS = "slowfast.allowedMethods";

    private FrameworkErrors() {
    }

    /** For {@code Router.errorHandler(status, ...)}: every verdict and failure as a problem. */
    public static void respond(RoutingContext ctx, int status) {
        HttpServerResponse response = ctx.response();
        if (response.headWritten()) {
            response.reset(); // too late for a problem: the status line is already on the wire
            return;
        }
        Problem problem = switch (status) {
            case 400 -> Problem.of(ProblemType.BAD_REQUEST, UNDECODABLE);
            case 404 -> Problem.of(ProblemType.NOT_FOUND, ProblemDetails.NO_SUCH_PATH);
            case 405 -> methodNotAllowed(ctx);
            case 413 -> Problem.of(ProblemType.CONTENT_TOO_LARGE, ProblemDetails.CONTENT_TOO_LARGE);
            case 415 -> Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, ProblemDetails.UNSUPPORTED_MEDIA_TYPE);
            default -> ErrorMapping.toProblem(ctx); // 500: a handler failed
        };
        boolean refusedBodyArriving = (status == 413 || status == 415) && RefusedBodies.stillArriving(ctx);
        Future<Void> answered = ProblemResponses.send(response, problem);
        if (refusedBodyArriving) {
            RefusedBodies.closeAfter(ctx, answered);
        }
    }

    /**
     * The router decides the 405 itself, but writes {@code Allow} only in its own bare answer, never
     * for an error handler, and keeps the method set to itself. So each path gets a first route, for
     * any method, that notes the path's methods for {@link #methodNotAllowed}: the route table stays
     * the one source of truth. A regex route without groups, because filling a {@code :id} parameter
     * decodes the query too, and a bad one would turn the 405 into a 400. Call it after every route.
     */
    public static void noteAllowedMethods(Router router) {
        Map<String, Set<String>> methodsByPath = new LinkedHashMap<>();
        for (Route route : router.getRoutes()) {
            if (route.getPath() != null) {
                Set<String> methods = methodsByPath.computeIfAbsent(route.getPath(), path -> new LinkedHashSet<>());
                route.methods().forEach(method -> methods.add(method.name()));
            }
        }
        methodsByPath.forEach((path, methods) -> {
            List<String> allowed = List.copyOf(methods);
            router.routeWithRegex(path.replaceAll(":\\w+", "[^/]+")).order(-1).handler(ctx -> ctx.put(ALLOWED_METHODS, allowed).next());
        });
    }

    private static Problem methodNotAllowed(RoutingContext ctx) {
        List<String> allowed = ctx.get(ALLOWED_METHODS, List.of());
        ctx.response().putHeader(HttpHeaders.ALLOW, String.join(", ", allowed));
        String method = ctx.request().method().name();
        return Problem.of(ProblemType.METHOD_NOT_ALLOWED, ProblemDetails.methodNotAllowed(method, allowed));
    }

    /**
     * A route handler ahead of handlers that read the query: Vert.x decodes it lazily and throws
     * wherever it is first read, so it is read here first and bad percent-encoding is the one 400.
     */
    public static void decodeQuery(RoutingContext ctx) {
        try {
            ctx.request().params();
        } catch (IllegalArgumentException badPercentEncoding) {
            ctx.fail(ApiProblem.badRequest(ProblemDetails.BAD_PERCENT_ENCODING));
            return;
        }
        ctx.next();
    }

    /** For {@code HttpServer.invalidRequestHandler}: what Netty could not or would not decode. */
    static void rejectInvalid(HttpServerRequest request) {
        Problem problem = switch (request.decoderResult().cause()) {
            case TooLongHttpLineException tooLong -> URI_TOO_LONG;
            case TooLongHttpHeaderException tooLarge ->
                    Problem.of(ProblemType.HEADER_FIELDS_TOO_LARGE, ProblemDetails.HEADER_FIELDS_TOO_LARGE);
            case null, default -> Problem.of(ProblemType.BAD_REQUEST, NOT_HTTP);
        };
        // The decoder is out of step with the byte stream now, so the connection cannot go on.
        ProblemResponses.send(request.response(), problem).onComplete(written -> request.connection().close());
    }
}
