package dev.slowfast.loadtest.simulations;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.rampConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import dev.slowfast.loadtest.results.Json;
import dev.slowfast.loadtest.results.WorkloadMeasurement;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ClosedInjectionStep;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The shape every workload shares: a closed model (a fixed number of users in the system; when one
 * leaves, the next starts; here a user leaves when its level ends), one stair step per level with the level in the request name, and every
 * request timed and classified by {@link LatencyRecorder}. A workload only says what one user does.
 */
public abstract class StairStepSimulation extends Simulation {

    /** Gatling's own timeout for one request; a failure that took this long counts as a timeout. */
    private static final long REQUEST_TIMEOUT_MS = Long.getLong("gatling.http.requestTimeout", 60_000);
    private static final String START = "startNanos";
    private static final String STATUS = "status";
    private static final String USERS = "users";
    private static final String LEVEL = "level";
    /** How many cycles this user has completed in its level, counted by Gatling's loop. */
    protected static final String CYCLE = "cycle";

    protected final SimulationParameters parameters = SimulationParameters.fromSystemProperties();
    private final StairSchedule schedule = parameters.schedule();
    private final LatencyRecorder recorder = new LatencyRecorder(schedule, REQUEST_TIMEOUT_MS);
    private final List<String> requestKinds = new ArrayList<>();
    private final String workload;

    protected StairStepSimulation(String workload) {
        this.workload = workload;
    }

    /** Name for Gatling's report: the request kind and the level, e.g. "slow @ 100 users". */
    protected static String named(String kind) {
        return kind + " @ #{" + USERS + "} users";
    }

    /** Wraps one request so we time it ourselves and learn its status even when it failed. */
    protected ChainBuilder timed(String kind, HttpRequestActionBuilder request, int expectedStatus) {
        if (!requestKinds.contains(kind)) {
            requestKinds.add(kind);
        }
        return exec(session -> session.remove(STATUS).set(START, System.nanoTime()))
                // saveAs first: the status is kept even when the expectation after it fails
                .exec(request.check(status().saveAs(STATUS), status().is(expectedStatus)))
                .exec(session -> {
                    int status = session.contains(STATUS) ? session.getInt(STATUS) : -1;
                    recorder.record(kind, session.getLong(START), status, expectedStatus);
                    return session;
                });
    }

    /** Declares the run: {@code perUser} is what one user does before leaving the system. */
    protected void stairs(ChainBuilder perUser) {
        // A user repeats its cycle until its level ends, then leaves and a user of the next level takes
        // its place: Gatling replaces a finished user with a pause, so a user per request would not
        // keep the level's concurrency up.
        var users = scenario(workload)
                .exec(session -> {
                    int level = recorder.userStarts();
                    return session.set(LEVEL, level).set(USERS, schedule.users(level));
                })
                .asLongAs(session -> recorder.isCurrent(session.getInt(LEVEL)), CYCLE).on(perUser);
        var protocol = http.baseUrl(parameters.baseUrl())
                // one pool for all users: a user is one request cycle, not a new TCP handshake
                .shareConnections()
                .disableWarmUp()
                .disableCaching()
                .disableFollowRedirect();
        setUp(users.injectClosed(injection()))
                .protocols(protocol)
                // users still waiting when the last step ends are not measured; don't wait for them
                .maxDuration(Duration.ofMillis(schedule.totalMs() + 1000));
    }

    private List<ClosedInjectionStep> injection() {
        var steps = new ArrayList<ClosedInjectionStep>();
        Duration hold = Duration.ofMillis(schedule.stepMs());
        Duration ramp = Duration.ofMillis(schedule.rampMs());
        for (int level = 0; level < schedule.size(); level++) {
            int users = schedule.users(level);
            if (level > 0 && !ramp.isZero()) {
                steps.add(rampConcurrentUsers(schedule.users(level - 1)).to(users).during(ramp));
            }
            steps.add(constantConcurrentUsers(users).during(level == 0 ? hold.plusMillis(schedule.leadInMs()) : hold));
        }
        return steps;
    }

    @Override
    public void after() {
        var measurement = new WorkloadMeasurement(workload, parameters.baseUrl(), parameters.delayMs(),
                recorder.originEpochMs(), recorder.levels(requestKinds));
        try {
            Json.write(parameters.output(), measurement);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + parameters.output(), e);
        }
    }
}
