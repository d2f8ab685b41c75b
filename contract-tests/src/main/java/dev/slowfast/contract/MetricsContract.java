package dev.slowfast.contract;

import dev.slowfast.contract.process.MetricsCases;
import dev.slowfast.testkit.PostgresServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code GET /metrics} (docs/contract.md, "Metrics"), checked on the app's jar running as its own
 * process, because only a process of its own can count exactly: each case starts a fresh one on a
 * fresh database. Extend it (as {@code *MetricsProcessContractTest}, so it runs in the process
 * phase), say where the jar is and name the paradigm's pressure metrics.
 */
@ExtendWith(MetricsContract.AppsResolver.class)
public abstract class MetricsContract {

    private AppProcesses apps;

    /** The app's runnable jar, relative to the module directory, e.g. {@code target/async-app.jar}. */
    protected abstract Path jar();

    /** Extra environment for every start, e.g. {@code THREAD_MODEL=virtual}. */
    protected Map<String, String> environment() {
        return Map.of();
    }

    /**
     * The Prometheus names of this paradigm's pressure metrics: the event-loop delay for an event
     * loop, the wait for a worker thread and virtual-thread pinning for a thread pool. The one place
     * the suite asks an app what it is, because the metric that explains a paradigm's limit is the
     * point of the difference.
     */
    protected abstract List<String> pressureMetrics();

    @BeforeEach
    void freshDatabase() {
        apps = new AppProcesses(jar(), environment(), pressureMetrics(), PostgresServer.shared().createDatabase());
    }

    @AfterEach
    void stopEverything() throws Exception {
        apps.close();
    }

    @Nested class Metrics extends MetricsCases { }

    /** Hands the enclosing {@link MetricsContract}'s {@link AppProcesses} to the cases. */
    static final class AppsResolver extends EnclosingContractResolver<MetricsContract, AppProcesses> {
        AppsResolver() {
            super(MetricsContract.class, AppProcesses.class, contract -> contract.apps);
        }
    }
}
