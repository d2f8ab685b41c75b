package dev.slowfast.contract;

import java.net.URI;

/** An implementation under test, started by a subclass of one of the contract suites. */
public interface RunningApp extends AutoCloseable {

    /** Where the app listens, e.g. {@code http://127.0.0.1:41234}; no trailing slash. */
    URI baseUri();

    /** Stops the app and releases its resources. */
    @Override
    void close() throws Exception;

    static RunningApp of(URI baseUri, AutoCloseable stop) {
        return new RunningApp() {
            @Override
            public URI baseUri() {
                return baseUri;
            }

            @Override
            public void close() throws Exception {
                stop.close();
            }
        };
    }
}
