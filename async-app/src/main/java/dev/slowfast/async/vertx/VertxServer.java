package dev.slowfast.async.vertx;

import dev.slowfast.async.problems.ProblemResponses;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.time.Duration;

/** One verticle instance's HTTP server: Netty's head limits, the header deadline, the exact target limit, then the app. */
public final class VertxServer {

    private VertxServer() {
    }

    public static Future<HttpServer> listen(Vertx vertx, Handler<HttpServerRequest> app, int port,
                                            RequestHeadLimits headLimits, Duration headerTimeout) {
        HeaderTimeout deadline = new HeaderTimeout(vertx, headerTimeout);
        // Port 0 would give every instance a different free port; a negative port asks Vert.x for
        // one free port shared by all instances that use the same negative number.
        return vertx.createHttpServer(headLimits.serverOptions())
                .connectionHandler(deadline::opened)
                .invalidRequestHandler(FrameworkErrors::rejectInvalid)
                .requestHandler(request -> {
                    deadline.headReceived(request);
                    if (headLimits.targetTooLong(request)) {
                        ProblemResponses.send(request.response(), FrameworkErrors.URI_TOO_LONG);
                    } else {
                        app.handle(request);
                    }
                })
                .listen(port == 0 ? -1 : port);
    }
}
