package dev.slowfast.blocking.downstream;

import dev.slowfast.rules.ApiProblem;
import dev.slowfast.rules.DownstreamSettings;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.CompletableResponseListener;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * The one pooled HTTP client to downstream (Jetty's {@link HttpClient}, at most {@code DOWNSTREAM_POOL_SIZE}
 * connections) and the one call, {@code GET /delay?ms=N}, made blocking on the calling thread.
 *
 * <p>A call's timeout is Jetty's total timeout, which runs from {@code send()} and covers the wait in the
 * destination's queue for a pooled connection; a fan-out task that waited for a thread first gets only what is
 * left of its time. A call aborted by its {@link CallGroup} closes its connection, so downstream sees it cancelled.
 */
public final class DownstreamClient implements AutoCloseable {

    /** The only answer that counts as a success. */
    record Delay(long ms) {
    }

    /**
     * What a cancelled call is aborted with. Not a {@code CancellationException}: Jetty would complete the future
     * the call waits on as cancelled rather than failed.
     */
    private static final Exception CANCELLED = new Cancelled();
    /** {@code {"ms":60000}} needs 12 bytes; anything much longer is not downstream's answer. */
    private static final int MAX_BODY_BYTES = 1024;

    private final HttpClient http;
    private final DownstreamSettings settings;
    private final ObjectMapper json;

    /**
     * {@code maxQueued} is how many calls may wait for a connection at once: it must never refuse one the contract
     * allows (Jetty's queue grows as needed, so a large bound costs nothing until used).
     */
    public DownstreamClient(DownstreamSettings settings, int maxQueued, ObjectMapper json) {
        this.settings = settings;
        this.json = json;
        var threads = new QueuedThreadPool();
        threads.setName("downstream-io");
        threads.setDaemon(true);
        http = new HttpClient();
        http.setExecutor(threads);
        http.setMaxConnectionsPerDestination(settings.poolSize());
        http.setMaxRequestsQueuedPerDestination(maxQueued);
        // A refused connection fails at once anyway; an unanswered SYN gets no longer than a whole call.
        http.setConnectTimeout(settings.timeout().toMillis());
        // Jetty's default 30 s idle timeout would fail a legitimate 40 s call; the total timeout is the limit.
        http.setIdleTimeout(settings.timeout().toMillis());
        http.setFollowRedirects(false);
        http.setHttpCookieStore(new HttpCookieStore.Empty());
        try {
            http.start();
        } catch (Exception e) {
            throw new IllegalStateException("could not start the downstream HTTP client", e);
        }
    }

    /**
     * One {@code GET /delay?ms=N}, blocking until downstream has answered. {@code askedAtNanos} is when the call
     * was asked for ({@link System#nanoTime()}); its timeout counts from then. A failure fails {@code group} and
     * throws the group's first failure (502, 504), so a call cancelled because another failed reports that one.
     */
    void delay(int ms, long askedAtNanos, CallGroup group) throws InterruptedException {
        if (group.isCancelled()) {
            throw group.failure(); // a chain makes no further call, a fan-out task that starts late none at all
        }
        long leftMs = settings.timeout().toMillis() - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - askedAtNanos);
        if (leftMs <= 0) {
            throw group.fail(ApiProblem.downstreamTimeout(settings.timeout()));
        }
        Request request = http.newRequest(settings.url().delay(ms)).method(HttpMethod.GET).timeout(leftMs, TimeUnit.MILLISECONDS);
        // Jetty's blocking send(), taken apart so the abort is registered only once the request is queued: a request
        // aborted before it is sent is never failed afterwards, not even by its timeout, and would block forever.
        CompletableFuture<ContentResponse> answer = new CompletableResponseListener(request, MAX_BODY_BYTES).send();
        group.onCancel(() -> request.abort(CANCELLED)); // closes its connection if sent; a no-op once completed
        ContentResponse response;
        try {
            response = answer.get();
        } catch (ExecutionException e) {
            // Jetty's total timeout, or: refused, reset, unreachable, a bad answer, or aborted by the group, whose
            // first failure then says which.
            throw group.fail(e.getCause() instanceof TimeoutException
                    ? ApiProblem.downstreamTimeout(settings.timeout())
                    : ApiProblem.downstreamUnavailable());
        } catch (InterruptedException e) {
            request.abort(e);
            group.cancel();
            throw e;
        }
        if (response.getStatus() != 200 || !echoes(response, ms)) {
            throw group.fail(ApiProblem.downstreamUnavailable());
        }
    }

    /** The body is the strict {@code {"ms":N}} of the call made. */
    private boolean echoes(ContentResponse response, int ms) {
        try {
            Delay delay = json.readValue(response.getContent(), Delay.class);
            return delay != null && delay.ms() == ms;
        } catch (JacksonException e) {
            return false;
        }
    }

    private static final class Cancelled extends Exception {
        Cancelled() {
            super("another call failed or the client left", null, false, false); // expected: no stack trace
        }
    }

    /** Closes every pooled connection; call it once the server has drained. */
    @Override
    public void close() {
        try {
            http.stop();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop the downstream HTTP client", e);
        }
    }
}
