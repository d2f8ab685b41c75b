package dev.slowfast.contract;

import dev.slowfast.contract.downstream.DownstreamAnswerCases;
import dev.slowfast.contract.downstream.DownstreamCancellationCases;
import dev.slowfast.contract.downstream.DownstreamFailureCases;
import dev.slowfast.testkit.PostgresServer;
import dev.slowfast.testkit.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Calling another service (docs/contract.md, v1.3): {@code /slow/http}, {@code /fanout} and
 * {@code /chain} against the real downstream service, which the suite starts itself
 * ({@code downstream/target/downstream.jar}) and whose counters are the oracle: what it received,
 * completed and saw cancelled is what the app did on the wire. Extend it and say where the app's jar is:
 *
 * <pre>{@code
 * class MyAppDownstreamProcessContractTest extends DownstreamContract {
 *     protected Path jar() { return Path.of("target/my-app.jar"); }
 * }
 * }</pre>
 *
 * One downstream and one database serve the whole class; each case starts from downstream's counters
 * at zero with nothing in flight.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(DownstreamContract.AppsResolver.class)
public abstract class DownstreamContract {

    /** What a case waits, at most, for the previous case's calls to end before it counts from zero. */
    private static final Duration SETTLE = Duration.ofSeconds(15);

    private TestDatabase database;
    private DownstreamProcess downstream;
    private DownstreamApps apps;

    /** The app's runnable jar, relative to the module directory, e.g. {@code target/async-app.jar}. */
    protected abstract Path jar();

    /** Extra environment for every start, e.g. {@code THREAD_MODEL=virtual}. */
    protected Map<String, String> environment() {
        return Map.of();
    }

    @BeforeAll
    void startDownstream() throws Exception {
        downstream = DownstreamProcess.start();
        database = PostgresServer.shared().createDatabase();
        apps = new DownstreamApps(jar(), environment(), database, downstream);
    }

    @BeforeEach
    void countFromZero() throws Exception {
        DownstreamProcess.Stats left = downstream.awaitIdle(SETTLE);
        if (left.inFlight() != 0) {
            throw new IllegalStateException("the previous case left calls in flight at downstream: " + left);
        }
        downstream.reset();
    }

    @AfterEach
    void stopCaseApps() throws Exception {
        apps.closeCaseResources();
    }

    @AfterAll
    void stopEverything() throws Exception {
        try (DownstreamProcess service = downstream; TestDatabase db = database) {
            if (apps != null) {
                apps.closeShared();
            }
        }
    }

    // Each group's cases get this class's DownstreamApps injected (AppsResolver): one line a group.
    @Nested class Answers extends DownstreamAnswerCases { }
    @Nested class Failures extends DownstreamFailureCases { }
    @Nested class Cancellation extends DownstreamCancellationCases { }

    /** Hands the enclosing {@link DownstreamContract}'s {@link DownstreamApps} to every such parameter of its cases. */
    static final class AppsResolver extends EnclosingContractResolver<DownstreamContract, DownstreamApps> {
        AppsResolver() {
            super(DownstreamContract.class, DownstreamApps.class, contract -> contract.apps);
        }
    }
}
