package dev.slowfast.blocking.metrics;

import dev.slowfast.blocking.jetty.RequestLoad;
import dev.slowfast.rules.MetricNames;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jetty.JettyConnectionMetrics;
import io.micrometer.core.instrument.binder.jetty.JettyServerThreadPoolMetrics;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The server's load: what the edge counts (requests in flight, shed, waiting for a thread), read at scrape time,
 * and Micrometer's Jetty binders for the thread pool ({@code jetty.threads.*}) and the connections
 * ({@code jetty.connections.*}).
 */
final class ServerMeters {

    private ServerMeters() {
    }

    /** Returns the thread-pool binder, to close with the registry. */
    static AutoCloseable bind(MeterRegistry registry, RequestLoad load, Server server, QueuedThreadPool threadPool) {
        Gauge.builder(MetricNames.REQUESTS_IN_FLIGHT, load, RequestLoad::inFlight)
                .description("Requests counted against MAX_IN_FLIGHT now")
                .strongReference(true)
                .register(registry);
        FunctionCounter.builder(MetricNames.REQUESTS_SHED, load, RequestLoad::shed)
                .description("Requests answered 503 overloaded at MAX_IN_FLIGHT")
                .register(registry);
        Gauge.builder(MetricNames.REQUESTS_WAITING_FOR_THREAD, load, RequestLoad::waitingForThread)
                .description("Requests admitted and waiting for a worker thread (always 0 with virtual threads)")
                .strongReference(true)
                .register(registry);

        // The pool's counts include the connector's acceptor and selector, which it leases for as long as it runs.
        var threadPoolMetrics = new JettyServerThreadPoolMetrics(threadPool, Tags.empty());
        threadPoolMetrics.bindTo(registry);
        // A listener on each connector: per connection opened and closed, nothing per request.
        JettyConnectionMetrics.addToAllConnectors(server, registry);
        return threadPoolMetrics;
    }
}
