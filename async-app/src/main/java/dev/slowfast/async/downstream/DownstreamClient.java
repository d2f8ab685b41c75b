package dev.slowfast.async.downstream;

import dev.slowfast.rules.ApiProblem;
import dev.slowfast.rules.DownstreamSettings;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one call to downstream, {@code GET /delay?ms=N}, on the one connection pool of the app: a
 * shared Vert.x {@link HttpClient}, so every verticle instance gets the same client and pool of
 * {@code DOWNSTREAM_POOL_SIZE} HTTP/1.1 connections, closed by Vert.x when the last verticle is
 * undeployed (after its server drained). A call's Future completes on the caller's event loop.
 */
public final class DownstreamClient {

    /** Verticle instances asking for a shared client of this name get the same one. */
    static final String CLIENT_NAME = "slowfast-downstream";
    /** Unbounded: 50 calls × MAX_IN_FLIGHT may wait for a connection; each wait is bounded in time instead. */
    private static final int UNBOUNDED_QUEUE = -1;

    private final HttpClient client;
    private final long timeoutMs;
    private final ApiProblem timedOut;

    private DownstreamClient(HttpClient client, DownstreamSettings settings) {
        this.client = client;
        this.timeoutMs = settings.timeout().toMillis();
        this.timedOut = ApiProblem.downstreamTimeout(settings.timeout());
    }

    /** This verticle's handle on the app's one downstream client. */
    public static DownstreamClient shared(Vertx vertx, DownstreamSettings settings) {
        int timeout = (int) Math.min(Integer.MAX_VALUE, settings.timeout().toMillis());
        HttpClient client = vertx.httpClientBuilder()
                .with(new HttpClientOptions()
                        .setShared(true)
                        .setName(CLIENT_NAME)
                        .setDefaultHost(settings.url().host())
                        .setDefaultPort(settings.url().port())
                        // A TCP connect that hangs is cut with the call, never later.
                        .setConnectTimeout(timeout))
                .with(new PoolOptions()
                        .setHttp1MaxSize(settings.poolSize())
                        .setMaxWaitQueueSize(UNBOUNDED_QUEUE))
                .build();
        return new DownstreamClient(client, settings);
    }

    /**
     * One call: succeeds when downstream answered 200 {@code {"ms":N}}; fails with 504
     * {@code downstream-timeout} past {@code DOWNSTREAM_TIMEOUT_MS} (the wait for a pooled
     * connection included), else with 502 {@code downstream-unavailable}. Part of {@code calls}: a
     * call still under way when the group is cancelled is reset, and a cancelled group starts none.
     */
    public Future<Void> delay(long ms, OutstandingCalls calls) {
        if (calls.cancelled()) {
            return Future.failedFuture(ApiProblem.downstreamUnavailable());
        }
        var call = new Call();
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setURI("/delay?ms=" + ms)
                // Vert.x's own bound on the wait for a connection: a timed-out waiter leaves the queue.
                .setConnectTimeout(timeoutMs);
        return client.request(options)
                .compose(request -> {
                    call.request = request;
                    // The call may have timed out, or its group been cancelled, while it waited.
                    if (call.over) {
                        request.reset(); // not sent yet: the connection goes back to the pool
                        return Future.failedFuture(timedOut);
                    }
                    return calls.started(request) ? request.send() : Future.failedFuture(ApiProblem.downstreamUnavailable());
                })
                .compose(response -> answer(response, ms))
                // The whole call, not the idle time of its connection: Vert.x has no such bound.
                .timeout(timeoutMs, TimeUnit.MILLISECONDS)
                .andThen(done -> {
                    call.over = true;
                    calls.finished(call.request, done.succeeded());
                })
                .recover(failure -> Future.failedFuture(classify(failure)));
    }

    /** Only a 200 whose body is {@code {"ms":N}} is an answer. */
    private static Future<Void> answer(HttpClientResponse response, long ms) {
        if (response.statusCode() != 200) {
            return Future.failedFuture(ApiProblem.downstreamUnavailable());
        }
        return response.body().compose(body -> isAnswer(body, ms)
                ? Future.succeededFuture()
                : Future.failedFuture(ApiProblem.downstreamUnavailable()));
    }

    static boolean isAnswer(Buffer body, long ms) {
        try {
            JsonObject json = body.toJsonObject();
            return json.size() == 1 && (json.getValue("ms") instanceof Integer || json.getValue("ms") instanceof Long)
                    && json.getLong("ms") == ms;
        } catch (RuntimeException notJson) {
            return false;
        }
    }

    /** A timeout (ours, or the pool's) is a 504; a refused, dropped or bad answer a 502. */
    private ApiProblem classify(Throwable failure) {
        return switch (failure) {
            case TimeoutException timeout -> timedOut;
            case ApiProblem problem -> problem;
            default -> ApiProblem.downstreamUnavailable();
        };
    }

    /** One call's request, once it has a connection, and whether the call is already over. */
    private static final class Call {
        HttpClientRequest request;
        boolean over;
    }
}
