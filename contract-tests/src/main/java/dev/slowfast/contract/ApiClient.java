package dev.slowfast.contract;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Plain HTTP to the app under test. Every response is checked against docs/openapi.yaml and
 * against the invariants that hold for every error (problem+json, never a 500, no stack trace)
 * before a test sees it.
 */
public final class ApiClient {

    public static final String JSON = "application/json";

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final URI baseUri;
    private final HttpClient http;

    public ApiClient(URI baseUri) {
        this.baseUri = baseUri;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    public URI baseUri() {
        return baseUri;
    }

    public ApiResponse get(String target) {
        return send("GET", target, null, null);
    }

    public ApiResponse delete(String target) {
        return send("DELETE", target, null, null);
    }

    public ApiResponse post(String target, String jsonBody) {
        return send("POST", target, JSON, jsonBody.getBytes(UTF_8));
    }

    public ApiResponse put(String target, String jsonBody) {
        return send("PUT", target, JSON, jsonBody.getBytes(UTF_8));
    }

    /** Any method, any content type (null for none), any body bytes (null for none). */
    public ApiResponse send(String method, String target, String contentType, byte[] body) {
        return await(method, target, sendAsync(method, target, contentType, body));
    }

    /** A GET with one extra request header. */
    public ApiResponse getWithHeader(String target, String name, String value) {
        return await("GET", target, sendAsync("GET", target, null, null, Map.of(name, value)));
    }

    private static ApiResponse await(String method, String target, CompletableFuture<ApiResponse> exchange) {
        try {
            return exchange.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof AssertionError assertion) {
                throw assertion;
            }
            throw new AssertionError(method + " " + target + " failed: " + e.getCause(), e.getCause());
        }
    }

    public CompletableFuture<ApiResponse> getAsync(String target) {
        return sendAsync("GET", target, null, null);
    }

    public CompletableFuture<ApiResponse> postAsync(String target, String jsonBody) {
        return sendAsync("POST", target, JSON, jsonBody.getBytes(UTF_8));
    }

    public CompletableFuture<ApiResponse> sendAsync(String method, String target, String contentType, byte[] body) {
        return sendAsync(method, target, contentType, body, Map.of());
    }

    private CompletableFuture<ApiResponse> sendAsync(String method, String target, String contentType, byte[] body,
            Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUri.resolve(target)).timeout(REQUEST_TIMEOUT);
        headers.forEach(request::header);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        long started = System.nanoTime();
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString(UTF_8))
                .thenApply(response -> {
                    var seen = new ApiResponse(method, target, response.statusCode(), response.headers(),
                            response.body(), Duration.ofNanos(System.nanoTime() - started));
                    checkInvariants(seen);
                    return seen;
                });
    }

    private static void checkInvariants(ApiResponse response) {
        if (response.status() >= 500 && !Problems.allowedServerError(response)) {
            throw new AssertionError("The contract never allows a " + response.status() + ": " + response.describe());
        }
        boolean readinessAnswer = response.path().equals("/ready");
        if (response.status() >= 400 && !readinessAnswer) {
            Problems.assertWellFormedProblem(response);
        }
        OpenApiContract.instance().check(response);
    }
}
