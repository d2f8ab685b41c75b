package dev.slowfast.loadtest.run;

import dev.slowfast.loadtest.simulations.ContactsSimulation;
import dev.slowfast.loadtest.simulations.CpuSimulation;
import dev.slowfast.loadtest.simulations.DbSlowSimulation;
import dev.slowfast.loadtest.simulations.FastSimulation;
import dev.slowfast.loadtest.simulations.ChainSimulation;
import dev.slowfast.loadtest.simulations.DownstreamCalls;
import dev.slowfast.loadtest.simulations.FanoutSimulation;
import dev.slowfast.loadtest.simulations.HttpSimulation;
import dev.slowfast.loadtest.simulations.MixedSimulation;
import dev.slowfast.loadtest.simulations.SlowSimulation;
import io.gatling.javaapi.core.Simulation;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The workloads, each a Gatling simulation of the {@code simulations} package. {@code requestsPerCycle} is how many
 * requests one user sends per {@code delay} in the Little's-law bound (0 where no bound applies):
 * in {@code mixed}, half the cycles are a near-instant /fast, so a user slot completes two requests
 * per delay on average. {@code downstreamCalls} is what one request asks of the downstream service
 * (none, one, or ten at once or in turn): such a workload runs with a downstream process beside the app.
 */
public enum Workload {
    SLOW("slow", SlowSimulation.class, false, 1, "slow", List.of("/slow?ms=1", "/fast")),
    FAST("fast", FastSimulation.class, false, 0, "fast", List.of("/fast")),
    MIXED("mixed", MixedSimulation.class, false, 2, "fast", List.of("/slow?ms=1", "/fast")),
    CPU("cpu", CpuSimulation.class, false, 0, "cpu", List.of("/cpu?n=1000000007", "/fast")),
    DB_SLOW("db-slow", DbSlowSimulation.class, true, 1, "db-slow", List.of("/slow/db?ms=1", "/fast")),
    CONTACTS("contacts", ContactsSimulation.class, true, 0, "read", List.of("/contacts?limit=5", "/fast")),
    /** {@code fast} with the app's metrics off: beside {@code fast}, what the metrics cost. */
    FAST_METRICS_OFF("fast-metrics-off", FastSimulation.class, false, 0, "fast", List.of("/fast"), Map.of("METRICS", "off")),
    HTTP("http", HttpSimulation.class, HttpSimulation.CALLS, List.of("/slow/http?ms=1", "/fast")),
    FANOUT("fanout", FanoutSimulation.class, FanoutSimulation.CALLS, List.of("/fanout?calls=10&ms=1", "/fast")),
    CHAIN("chain", ChainSimulation.class, ChainSimulation.CALLS, List.of("/chain?calls=10&ms=1", "/fast"));

    private final String id;
    private final Class<? extends Simulation> simulation;
    private final boolean needsDatabase;
    private final int requestsPerCycle;
    private final String focusRequest;
    private final List<String> warmupPaths;
    private final Map<String, String> environment;
    private final DownstreamCalls downstreamCalls;

    Workload(String id, Class<? extends Simulation> simulation, boolean needsDatabase, int requestsPerCycle, String focusRequest,
             List<String> warmupPaths) {
        this(id, simulation, needsDatabase, requestsPerCycle, focusRequest, warmupPaths, Map.of());
    }

    Workload(String id, Class<? extends Simulation> simulation, boolean needsDatabase, int requestsPerCycle, String focusRequest,
             List<String> warmupPaths, Map<String, String> environment) {
        this(id, simulation, needsDatabase, requestsPerCycle, focusRequest, warmupPaths, environment, DownstreamCalls.NONE);
    }

    /** A workload whose one request is a wait on downstream: one request per cycle, the request's own name. */
    Workload(String id, Class<? extends Simulation> simulation, DownstreamCalls calls, List<String> warmupPaths) {
        this(id, simulation, false, 1, id, warmupPaths, Map.of(), calls);
    }

    Workload(String id, Class<? extends Simulation> simulation, boolean needsDatabase, int requestsPerCycle, String focusRequest,
             List<String> warmupPaths, Map<String, String> environment, DownstreamCalls downstreamCalls) {
        this.environment = environment;
        this.downstreamCalls = downstreamCalls;
        this.id = id;
        this.simulation = simulation;
        this.needsDatabase = needsDatabase;
        this.requestsPerCycle = requestsPerCycle;
        this.focusRequest = focusRequest;
        this.warmupPaths = warmupPaths;
    }

    public String id() {
        return id;
    }

    public Class<? extends Simulation> simulation() {
        return simulation;
    }

    public boolean needsDatabase() {
        return needsDatabase;
    }

    public boolean hasBound() {
        return requestsPerCycle > 0;
    }

    public int requestsPerCycle() {
        return requestsPerCycle;
    }

    /** The request kind whose latency the workload is about (mixed: does /fast suffer?). */
    public String focusRequest() {
        return focusRequest;
    }

    public List<String> warmupPaths() {
        return warmupPaths;
    }

    /** Environment this workload sets on top of the variant's (a workload that measures a setting). */
    public Map<String, String> environment() {
        return environment;
    }

    public DownstreamCalls downstreamCalls() {
        return downstreamCalls;
    }

    /** Whether the run needs a downstream process beside the app. */
    public boolean usesDownstream() {
        return downstreamCalls.any();
    }

    /** How long one request waits, for a workload delay of {@code delayMs} (a chain's calls may round down). */
    public long requestMs(long delayMs) {
        return downstreamCalls.requestMs(delayMs);
    }

    /** Whether the app publishes /metrics in this workload, so the harness scrapes it. */
    public boolean scrapesMetrics() {
        return !"off".equals(environment.get("METRICS"));
    }

    public static Workload byId(String id) {
        return Arrays.stream(values()).filter(w -> w.id.equals(id)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown workload '" + id + "'; known: "
                        + Arrays.stream(values()).map(Workload::id).toList()));
    }
}
