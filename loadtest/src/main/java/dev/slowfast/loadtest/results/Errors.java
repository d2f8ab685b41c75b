package dev.slowfast.loadtest.results;

/**
 * Failed requests by kind: an unexpected HTTP status, no answer within Gatling's request timeout,
 * or a connection that could not be opened or was closed under the request.
 */
public record Errors(long status, long timeout, long connection) {

    public static final Errors NONE = new Errors(0, 0, 0);

    public long total() {
        return status + timeout + connection;
    }

    public Errors plus(Errors other) {
        return new Errors(status + other.status, timeout + other.timeout, connection + other.connection);
    }
}
