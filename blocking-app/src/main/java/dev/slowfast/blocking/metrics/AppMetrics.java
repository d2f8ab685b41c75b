package dev.slowfast.blocking.metrics;

import com.zaxxer.hikari.HikariPoolMXBean;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import dev.slowfast.blocking.jetty.RequestLoad;
import dev.slowfast.rules.MetricNames;
import io.javalin.http.Context;
import io.javalin.http.RequestLogger;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmCompilationMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmHeapPressureMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.java21.instrument.binder.jdk.VirtualThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything {@code GET /metrics} publishes (docs/contract.md, "Metrics"), in one Prometheus registry: the HTTP
 * timer, the edge's load, the database pool, and Micrometer's JVM, process and virtual-thread binders. Only
 * created with {@code METRICS=on}; with {@code off} there is no registry and nothing is measured.
 *
 * <p>Wiring, in the order the app starts: {@link #poolTracker()} goes into the Hikari configuration,
 * {@link #requestTimer()} is Javalin's request logger, {@link #scrape} the {@code /metrics} handler; once the pool
 * and the server run, {@link #bindPool} and {@link #bindServer} add their gauges.
 */
public final class AppMetrics implements AutoCloseable {

    /** The Prometheus text format, version 0.0.4, which the contract names. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private static final Logger LOG = LoggerFactory.getLogger(AppMetrics.class);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final HttpRequestTimer requests = new HttpRequestTimer(registry);
    private final PoolMeters pool = new PoolMeters(registry);
    /** Binders that hold a listener or a thread (GC notifications, JFR streaming): closed with the app. */
    private final List<AutoCloseable> closeables = new ArrayList<>();

    private AppMetrics() {
    }

    /** The registry with the JVM and process binders bound. */
    public static AppMetrics start() {
        var metrics = new AppMetrics();
        metrics.bind(new JvmMemoryMetrics());
        metrics.bind(new JvmGcMetrics());
        metrics.bind(new JvmHeapPressureMetrics());
        metrics.bind(new JvmThreadMetrics());
        metrics.bind(new ClassLoaderMetrics());
        metrics.bind(new JvmCompilationMetrics());
        metrics.bind(new JvmInfoMetrics());
        metrics.bind(new ProcessorMetrics());
        metrics.bind(new UptimeMetrics());
        metrics.bind(new FileDescriptorMetrics());
        // Pinning (jdk.VirtualThreadPinned through JFR streaming): in both thread models, so they compare.
        metrics.bind(new VirtualThreadMetrics());
        return metrics;
    }

    private void bind(MeterBinder binder) {
        binder.bindTo(registry);
        if (binder instanceof AutoCloseable closeable) {
            closeables.add(closeable);
        }
    }

    /** Javalin's request logger: {@code http.server.requests} for every routed request. */
    public RequestLogger requestTimer() {
        return requests;
    }

    /** Hikari's metrics tracker: {@code db.pool.acquire}, every wait for a connection. */
    public MetricsTrackerFactory poolTracker() {
        return pool;
    }

    /** The {@code db.pool.connections.*} gauges of the running pool. */
    public void bindPool(HikariPoolMXBean hikari, int maxConnections) {
        pool.bind(hikari, maxConnections);
    }

    /** The edge's counts and Jetty's binders, once the server runs. */
    public void bindServer(RequestLoad load, Server server, QueuedThreadPool threadPool) {
        closeables.add(ServerMeters.bind(registry, load, server, threadPool));
    }

    /** {@code GET /metrics}, written straight to the response rather than built as one string first. */
    public void scrape(Context ctx) throws IOException {
        ctx.contentType(CONTENT_TYPE);
        registry.scrape(ctx.outputStream(), CONTENT_TYPE);
    }

    /** Every timer of the contract: Micrometer's percentile buckets from 1 ms to 60 s, no client-side percentiles. */
    static Timer.Builder histogram(Timer.Builder timer) {
        return timer.publishPercentileHistogram()
                .minimumExpectedValue(MetricNames.HISTOGRAM_MIN)
                .maximumExpectedValue(MetricNames.HISTOGRAM_MAX);
    }

    @Override
    public void close() {
        for (AutoCloseable closeable : closeables) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.warn("Could not close {}: {}", closeable.getClass().getSimpleName(), e.getMessage());
            }
        }
        registry.close();
    }
}
