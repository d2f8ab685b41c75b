package dev.slowfast.contract;

import dev.slowfast.contract.process.ConfigurationCases;
import dev.slowfast.contract.process.CpuWorkCases;
import dev.slowfast.contract.process.DatabaseWaitCases;
import dev.slowfast.contract.process.SheddingCases;
import dev.slowfast.contract.process.ShutdownCases;
import dev.slowfast.contract.process.SlowClientCases;
import dev.slowfast.testkit.PostgresServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The promises under stress (docs/contract.md, "Under stress"), checked on the app's jar running
 * as its own process: graceful shutdown on SIGTERM, load shedding with one meaning of
 * {@code MAX_IN_FLIGHT}, bounded waits for the database, recovery from a database outage, header
 * deadlines and slow bodies, CPU work that never starves the rest, bad configuration and secrets.
 * Extend it and say where the jar is; each case starts its own process with the environment it
 * needs, on its own fresh database.
 */
@ExtendWith(AppProcessContract.AppsResolver.class)
public abstract class AppProcessContract {

    private AppProcesses apps;

    /** The app's runnable jar, relative to the module directory, e.g. {@code target/async-app.jar}. */
    protected abstract Path jar();

    /** Extra environment for every start, e.g. {@code THREAD_MODEL=virtual}. */
    protected Map<String, String> environment() {
        return Map.of();
    }

    @BeforeEach
    void freshDatabase() {
        apps = new AppProcesses(jar(), environment(), List.of(), PostgresServer.shared().createDatabase());
    }

    @AfterEach
    void stopEverything() throws Exception {
        apps.close();
    }

    // Each group's cases get this case's AppProcesses injected (AppsResolver): one line a group.
    @Nested class Shutdown extends ShutdownCases { }
    @Nested class Shedding extends SheddingCases { }
    @Nested class SlowClients extends SlowClientCases { }
    @Nested class CpuWork extends CpuWorkCases { }
    @Nested class DatabaseWaits extends DatabaseWaitCases { }
    @Nested class Configuration extends ConfigurationCases { }

    /** Hands the enclosing {@link AppProcessContract}'s {@link AppProcesses} to every such parameter of its cases. */
    static final class AppsResolver extends EnclosingContractResolver<AppProcessContract, AppProcesses> {
        AppsResolver() {
            super(AppProcessContract.class, AppProcesses.class, contract -> contract.apps);
        }
    }
}
