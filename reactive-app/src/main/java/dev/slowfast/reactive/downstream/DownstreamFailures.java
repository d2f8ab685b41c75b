package dev.slowfast.reactive.downstream;

import dev.slowfast.rules.ApiProblem;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.springframework.core.codec.CodecException;
import org.springframework.web.reactive.function.UnsupportedMediaTypeException;
import org.springframework.web.reactive.function.client.WebClientException;

/**
 * What a failed downstream call means: too slow (504) or no valid answer (502). Anything else is a bug
 * of ours and stays a 500.
 */
final class DownstreamFailures {

    private DownstreamFailures() {
    }

    /** A failure of the call itself: transport, pool, timeout, status or body. */
    static boolean isDownstream(Throwable error) {
        return error instanceof WebClientException      // refused, unreachable, closed early, pool limits
                || error instanceof TimeoutException    // our per-call timeout
                || error instanceof CodecException      // a body that is not {"ms":N}
                || error instanceof UnsupportedMediaTypeException;
    }

    /**
     * A timeout anywhere in the chain is a 504: ours, or the pool's acquire timeout (a
     * PoolAcquireTimeoutException, wrapped by WebClient). Everything else is a 502.
     */
    static ApiProblem problem(Throwable error, Duration timeout) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException) {
                return ApiProblem.downstreamTimeout(timeout);
            }
        }
        return ApiProblem.downstreamUnavailable();
    }
}
