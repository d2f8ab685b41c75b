package dev.slowfast.contract;

import dev.slowfast.testkit.AppProcess;
import dev.slowfast.testkit.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the cases of {@link DownstreamContract} work with: the downstream service the suite started,
 * one app calling it with the default settings (started on first use and kept for the whole class),
 * and apps a case starts with settings of its own (stopped after that case).
 */
public final class DownstreamApps {

    private final Path jar;
    private final Map<String, String> environment;
    private final TestDatabase database;
    private final DownstreamProcess downstream;
    private final List<AutoCloseable> caseResources = new ArrayList<>();
    private AppProcess shared;

    DownstreamApps(Path jar, Map<String, String> environment, TestDatabase database, DownstreamProcess downstream) {
        this.jar = jar;
        this.environment = Map.copyOf(environment);
        this.database = database;
        this.downstream = downstream;
    }

    /** The downstream service every app of this class calls (unless a case points one elsewhere). */
    public DownstreamProcess downstream() {
        return downstream;
    }

    /** The app with the default downstream settings, calling {@link #downstream()}; shared by the cases that need nothing else. */
    public AppProcess shared() throws Exception {
        if (shared == null || !shared.isAlive()) {
            shared = launch(Map.of());
        }
        return shared;
    }

    /** A case's own app, with extra variables as alternating names and values ({@code DOWNSTREAM_URL} defaults to {@link #downstream()}). */
    public AppProcess start(String... nameValues) throws Exception {
        Map<String, String> extra = new HashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            extra.put(nameValues[i], nameValues[i + 1]);
        }
        AppProcess app = launch(extra);
        caseResources.add(app);
        return app;
    }

    /** Registers a resource (another downstream, a connection) to close after the case. */
    public <T extends AutoCloseable> T closeAfterCase(T resource) {
        caseResources.add(resource);
        return resource;
    }

    private AppProcess launch(Map<String, String> extra) throws Exception {
        Map<String, String> env = new HashMap<>(environment);
        env.put("DATABASE_URL", database.url());
        env.put("DOWNSTREAM_URL", downstream.baseUri().toString());
        env.putAll(extra);
        return AppProcess.launcher(jar).env(env).start().awaitHealthy(AppProcess.STARTUP_LIMIT);
    }

    /** Stops what the case started, newest first. */
    void closeCaseResources() throws Exception {
        Exception first = null;
        for (int i = caseResources.size() - 1; i >= 0; i--) {
            try {
                caseResources.get(i).close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        caseResources.clear();
        if (first != null) {
            throw first;
        }
    }

    /** Stops the shared app (the suite stops downstream and the database itself). */
    void closeShared() throws Exception {
        if (shared != null) {
            shared.close();
        }
    }
}
