package dev.slowfast.rules;

import java.time.Duration;

/**
 * How every app calls the downstream service (docs/contract.md, "Calling another service"): the same
 * names, defaults and bounds in all three.
 *
 * @param url      {@code DOWNSTREAM_URL}
 * @param poolSize {@code DOWNSTREAM_POOL_SIZE}: the most connections open to downstream at once; a call
 *                 that finds them all busy waits for one, inside its timeout
 * @param timeout  {@code DOWNSTREAM_TIMEOUT_MS}: the longest one call may take, waiting for a pooled
 *                 connection included, then 504 {@code downstream-timeout}
 */
public record DownstreamSettings(DownstreamUrl url, int poolSize, Duration timeout) {

    public static final int DEFAULT_POOL_SIZE = 100;
    public static final int DEFAULT_TIMEOUT_MS = 5_000;

    public static DownstreamSettings read(Environment env) {
        return new DownstreamSettings(
                env.parsed("DOWNSTREAM_URL", DownstreamUrl.DEFAULT, DownstreamUrl::parse),
                env.integer("DOWNSTREAM_POOL_SIZE", DEFAULT_POOL_SIZE, 1, 10_000),
                env.millis("DOWNSTREAM_TIMEOUT_MS", DEFAULT_TIMEOUT_MS, 1, 3_600_000));
    }
}
