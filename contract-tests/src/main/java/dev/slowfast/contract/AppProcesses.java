package dev.slowfast.contract;

import dev.slowfast.testkit.AppLauncher;
import dev.slowfast.testkit.AppProcess;
import dev.slowfast.testkit.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one case of {@link AppProcessContract} may start: the app's jar as a process with the
 * suite's environment plus the case's own variables, on the case's fresh database. Everything
 * started or registered here is stopped after the case: the apps first (killed at once), then
 * other resources in reverse order, the database last.
 */
public final class AppProcesses implements AutoCloseable {

    private final Path jar;
    private final Map<String, String> environment;
    private final List<String> pressureMetrics;
    private final TestDatabase database;
    private final List<AppProcess> apps = new ArrayList<>();
    private final List<AutoCloseable> resources = new ArrayList<>();

    AppProcesses(Path jar, Map<String, String> environment, List<String> pressureMetrics, TestDatabase database) {
        this.jar = jar;
        this.environment = Map.copyOf(environment);
        this.pressureMetrics = List.copyOf(pressureMetrics);
        this.database = database;
    }

    /** The Prometheus names of the app's paradigm-pressure metrics (see {@link MetricsContract#pressureMetrics()}; none for the other suites). */
    public List<String> pressureMetrics() {
        return pressureMetrics;
    }

    /** This case's empty database. */
    public TestDatabase database() {
        return database;
    }

    /** The app on this case's database, with extra variables as alternating names and values, once it answers /health. */
    public AppProcess start(String... nameValues) throws Exception {
        return startOn(database.url(), nameValues);
    }

    /** The same, on another {@code DATABASE_URL} (e.g. through a {@link TcpProxy}). */
    public AppProcess startOn(String databaseUrl, String... nameValues) throws Exception {
        Map<String, String> env = new HashMap<>(environment);
        env.put("DATABASE_URL", databaseUrl);
        for (int i = 0; i < nameValues.length; i += 2) {
            env.put(nameValues[i], nameValues[i + 1]);
        }
        AppProcess app = AppProcess.launcher(jar).env(env).start();
        apps.add(app);
        return app.awaitHealthy(AppProcess.STARTUP_LIMIT);
    }

    /** A launcher with the jar and the suite's environment, for a start the case wants to watch itself. */
    public AppLauncher launcher() {
        return AppProcess.launcher(jar).env(environment);
    }

    /** Registers an app the case started itself, so it is stopped after the case. */
    public AppProcess track(AppProcess app) {
        apps.add(app);
        return app;
    }

    /** Registers a resource to close after the case (after the apps, before the database). */
    public <T extends AutoCloseable> T closeAfterwards(T resource) {
        resources.add(resource);
        return resource;
    }

    @Override
    public void close() throws Exception {
        Exception first = null;
        List<AutoCloseable> order = new ArrayList<>(apps);
        for (int i = resources.size() - 1; i >= 0; i--) {
            order.add(resources.get(i));
        }
        order.add(database);
        for (AutoCloseable resource : order) {
            try {
                resource.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
