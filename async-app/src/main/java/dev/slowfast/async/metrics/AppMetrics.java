package dev.slowfast.async.metrics;

import dev.slowfast.async.vertx.InFlightLimit;
import dev.slowfast.rules.MetricNames;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmHeapPressureMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.spi.VertxMetricsFactory;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * Everything {@code GET /metrics} shows (docs/contract.md, "Metrics"), in one Prometheus registry
 * per app: Vert.x's own pool metrics through {@code vertx-micrometer-metrics} (renamed to the
 * contract's {@code db.pool.*} by {@link PoolMeters}), the request timers ({@link HttpRequestTimer}),
 * the in-flight gauge and shed counter read from {@link InFlightLimit}, the event-loop probe
 * ({@link EventLoopDelay}), and Micrometer's JVM and process binders. Made only with
 * {@code METRICS=on}; off, there is no registry and Vert.x gets no metrics factory at all.
 *
 * <p>Made before Vert.x (whose factory it supplies), closed after it.
 */
public final class AppMetrics implements AutoCloseable {

    /**
     * vertx-micrometer-metrics keeps its registries in a static map by name, and would hand a second
     * app in the same JVM (tests) the first one's registry: each app names its own.
     */
    private static final AtomicInteger REGISTRIES = new AtomicInteger();

    private final PrometheusMeterRegistry registry;
    private final String registryName = "slowfast-" + REGISTRIES.incrementAndGet();
    private final List<MeterBinder> binders;
    private final HttpRequestTimer requests;
    private final EventLoopDelay eventLoopDelay;
    private final MetricsEndpoint endpoint;
    private final int poolSize;
    private final AtomicBoolean poolBound = new AtomicBoolean();

    private AppMetrics(int poolSize, InFlightLimit inFlightLimit) {
        this.poolSize = poolSize;
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().meterFilter(PoolMeters.RENAMES); // before any meter exists
        binders = List.of(new JvmGcMetrics(), new JvmMemoryMetrics(), new JvmHeapPressureMetrics(),
                new JvmThreadMetrics(), new ProcessorMetrics());
        binders.forEach(binder -> binder.bindTo(registry));
        Gauge.builder(MetricNames.REQUESTS_IN_FLIGHT, inFlightLimit, InFlightLimit::inFlight)
                .description("Requests counted against MAX_IN_FLIGHT now")
                .strongReference(true)
                .register(registry);
        FunctionCounter.builder(MetricNames.REQUESTS_SHED, inFlightLimit, InFlightLimit::shed)
                .description("Requests answered 503 overloaded at MAX_IN_FLIGHT")
                .register(registry);
        requests = new HttpRequestTimer(registry);
        eventLoopDelay = new EventLoopDelay(registry, MetricNames.EVENT_LOOP_PROBE_INTERVAL);
        endpoint = new MetricsEndpoint(registry);
    }

    /** The app's metrics, reading the in-flight numbers from its one {@code inFlightLimit}. */
    public static AppMetrics create(int dbPoolSize, InFlightLimit inFlightLimit) {
        return new AppMetrics(dbPoolSize, inFlightLimit);
    }

    /**
     * For {@code VertxBuilder.withMetrics}: Vert.x's metrics on this registry. Only the pools'
     * domain is on; the per-request and per-byte meters of HTTP, TCP, the event bus and the SQL
     * client would cost on every request for nothing the contract asks. The factory takes its
     * settings from the {@code VertxOptions} it is handed; these are given here, so the caller's
     * options (tests bring stricter ones) need not know about metrics.
     */
    public VertxMetricsFactory vertxMetricsFactory() {
        MicrometerMetricsOptions options = new MicrometerMetricsOptions()
                .setEnabled(true)
                .setRegistryName(registryName)
                .setLabels(EnumSet.of(Label.POOL_TYPE, Label.POOL_NAME));
        for (MetricsDomain domain : MetricsDomain.values()) {
            if (domain != MetricsDomain.NAMED_POOLS) {
                options.addDisabledMetricsCategory(domain);
            }
        }
        options.addDisabledMetricsCategory("sql"); // the pg client's per-connection request metrics
        MicrometerMetricsFactory micrometer = new MicrometerMetricsFactory(registry);
        return vertxOptions -> micrometer.metrics(new VertxOptions().setMetricsOptions(options));
    }

    /** The timer of every routed request. */
    public HttpRequestTimer requests() {
        return requests;
    }

    /** {@code GET /metrics}. */
    public MetricsEndpoint endpoint() {
        return endpoint;
    }

    /** For each verticle's start: probes the event loop it runs on. */
    public void watchEventLoop(Vertx vertx) {
        eventLoopDelay.watch(vertx);
    }

    /**
     * The pool gauges Vert.x does not give, from the first verticle that opens the pool (all
     * share one pool, so any one's view counts its connections).
     */
    public void bindPool(IntSupplier openConnections) {
        if (poolBound.compareAndSet(false, true)) {
            PoolMeters.register(registry, poolSize, openConnections);
        }
    }

    /** After Vert.x has closed (it stops its own metrics then): the binders' listeners and the registry. */
    @Override
    public void close() {
        for (MeterBinder binder : binders) {
            if (binder instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    // nothing left to do for a binder that cannot let go
                }
            }
        }
        registry.close();
    }
}
