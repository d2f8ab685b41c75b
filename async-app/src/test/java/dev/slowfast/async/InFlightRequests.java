package dev.slowfast.async;

import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.spi.VertxMetricsFactory;
import io.vertx.core.spi.metrics.HttpServerMetrics;
import io.vertx.core.spi.metrics.VertxMetrics;
import io.vertx.core.spi.observability.HttpRequest;
import io.vertx.core.spi.observability.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts, through Vert.x's metrics SPI, the HTTP requests under a path the server has received
 * and not yet answered: what "in flight" means from the server's side.
 */
final class InFlightRequests implements VertxMetricsFactory {

    private final String pathPrefix;
    private final AtomicInteger inFlight = new AtomicInteger();

    InFlightRequests(String pathPrefix) {
        this.pathPrefix = pathPrefix;
    }

    int count() {
        return inFlight.get();
    }

    @Override
    public VertxMetrics metrics(VertxOptions options) {
        return new VertxMetrics() {
            @Override
            public boolean isMetricsEnabled() {
                return true;
            }

            @Override
            public HttpServerMetrics<?, ?, ?> createHttpServerMetrics(HttpServerOptions server, SocketAddress address) {
                return new Counter();
            }
        };
    }

    /** The request metric is whether this request is counted. */
    private final class Counter implements HttpServerMetrics<Boolean, Void, Void> {

        @Override
        public Boolean requestBegin(Void socket, HttpRequest request) {
            boolean counted = request.uri().startsWith(pathPrefix);
            if (counted) {
                inFlight.incrementAndGet();
            }
            return counted;
        }

        @Override
        public void responseEnd(Boolean counted, HttpResponse response, long bytesWritten) {
            if (counted) {
                inFlight.decrementAndGet();
            }
        }

        @Override
        public void requestReset(Boolean counted) {
            if (counted) {
                inFlight.decrementAndGet();
            }
        }
    }
}
