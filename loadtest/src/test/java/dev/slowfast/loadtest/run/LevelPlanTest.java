package dev.slowfast.loadtest.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slowfast.loadtest.results.LevelNotRun;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which levels fit a process's open-files limit, and the arithmetic a level that does not is listed with. */
class LevelPlanTest {

    private static final List<Integer> LEVELS = List.of(1, 10, 100, 1_000, 10_000);
    private static final int HERE = 20_000;

    @Test
    void tenThousandUsersOfADownstreamWorkloadDoNotFitInTwentyThousandFiles() {
        for (Workload w : List.of(Workload.HTTP, Workload.FANOUT, Workload.CHAIN)) {
            LevelPlan plan = LevelPlan.of(w, LEVELS, HERE, 10_000);
            assertEquals(List.of(1, 10, 100, 1_000), plan.levels(), w.id());
            assertEquals(1, plan.notRun().size(), w.id());
            LevelNotRun tenThousand = plan.notRun().getFirst();
            assertEquals(10_000, tenThousand.users());
            assertTrue(tenThousand.reason().contains("10,000 client sockets + 10,000 downstream connections")
                    && tenThousand.reason().contains("past the open-files limit of 20,000"), tenThousand.reason());
        }
        assertTrue(LevelPlan.of(Workload.FANOUT, LEVELS, HERE, 10_000).notRun().getFirst().reason()
                .contains("10,000 users × 10 calls at once, at most the pool of 10000"));
    }

    @Test
    void otherWorkloadsRunEveryLevel() {
        for (Workload w : List.of(Workload.SLOW, Workload.MIXED, Workload.DB_SLOW, Workload.FAST)) {
            assertEquals(new LevelPlan(LEVELS, List.of()), LevelPlan.of(w, LEVELS, HERE, 10_000), w.id());
        }
    }

    @Test
    void theLevelsFollowTheLimitAndThePoolRatherThanAFixedList() {
        assertEquals(LEVELS, LevelPlan.of(Workload.HTTP, LEVELS, 65_536, 10_000).levels(), "a higher limit runs 10,000");
        assertEquals(LEVELS, LevelPlan.of(Workload.FANOUT, LEVELS, HERE, 100).levels(),
                "a pool of 100 keeps the app's downstream sockets at 100");
        LevelPlan small = LevelPlan.of(Workload.FANOUT, LEVELS, 4_096, 10_000);
        assertEquals(List.of(1, 10, 100), small.levels());
        assertTrue(small.notRun().getFirst().reason().contains("1,000 client sockets + 10,000 downstream connections"
                + " (1,000 users × 10 calls at once) + ~500 other files = 11,500 descriptors"), small.notRun().getFirst().reason());
    }

    @Test
    void theRunSettingsPlanEachWorkloadWithTheDownstreamPool() {
        var settings = RunSettings.from(Map.of("loadtest.profile", "default", "loadtest.openFilesLimit", "20000",
                "loadtest.moduleDir", "."));
        assertEquals(10_000, settings.downstreamPoolSize());
        assertEquals(List.of(1, 10, 100, 1_000), settings.levelsFor(Workload.FANOUT).levels());
        assertEquals(LEVELS, settings.levelsFor(Workload.SLOW).levels());
        assertTrue(settings.workloads().contains(Workload.FANOUT), "fanout is in the default profile");
        assertTrue(RunSettings.from(Map.of("loadtest.profile", "full", "loadtest.moduleDir", ".")).workloads()
                .containsAll(List.of(Workload.HTTP, Workload.FANOUT, Workload.CHAIN)));
    }
}
