package dev.slowfast.loadtest.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The bound and the wording of what capped it, for every workload, from the caps of a variant and the pools. */
class LittlesLawTest {

    private static final OptionalInt NO_CAP = OptionalInt.empty();
    private static final OptionalInt THREADS_200 = OptionalInt.of(200);
    private static final int DB_POOL = 10;
    private static final int DOWNSTREAM_POOL = 10_000;

    @Test
    void slowIsUsersOverTheDelayCappedByTheThreads() {
        assertEquals(1_000.0, LittlesLaw.bound(Workload.SLOW, 1_000, 1000, NO_CAP, DB_POOL, DOWNSTREAM_POOL), 1e-9);
        assertNull(LittlesLaw.limit(Workload.SLOW, 1_000, NO_CAP, DB_POOL, DOWNSTREAM_POOL));
        assertEquals(200.0, LittlesLaw.bound(Workload.SLOW, 1_000, 1000, THREADS_200, DB_POOL, DOWNSTREAM_POOL), 1e-9);
        assertEquals("200 threads", LittlesLaw.limit(Workload.SLOW, 1_000, THREADS_200, DB_POOL, DOWNSTREAM_POOL));
        assertNull(LittlesLaw.limit(Workload.SLOW, 100, THREADS_200, DB_POOL, DOWNSTREAM_POOL), "100 users fit in 200 threads");
        assertEquals(400.0, LittlesLaw.bound(Workload.SLOW, 100, 250, THREADS_200, DB_POOL, DOWNSTREAM_POOL), 1e-9);
    }

    @Test
    void mixedCompletesTwoRequestsPerDelayPerUser() {
        assertEquals(200.0, LittlesLaw.bound(Workload.MIXED, 100, 1000, NO_CAP, DB_POOL, DOWNSTREAM_POOL), 1e-9);
        assertEquals(400.0, LittlesLaw.bound(Workload.MIXED, 1_000, 1000, THREADS_200, DB_POOL, DOWNSTREAM_POOL), 1e-9);
    }

    @Test
    void aDatabaseWorkloadIsCappedByItsPoolBeforeTheThreads() {
        assertEquals(100.0, LittlesLaw.bound(Workload.DB_SLOW, 1_000, 100, THREADS_200, DB_POOL, DOWNSTREAM_POOL), 1e-9);
        assertEquals("10 pooled connections", LittlesLaw.limit(Workload.DB_SLOW, 1_000, THREADS_200, DB_POOL, DOWNSTREAM_POOL));
        assertEquals("200 pooled connections", LittlesLaw.limit(Workload.DB_SLOW, 1_000, THREADS_200, 200, DOWNSTREAM_POOL),
                "on a tie the pool the threads wait for is named");
        assertNull(LittlesLaw.limit(Workload.DB_SLOW, 5, THREADS_200, DB_POOL, DOWNSTREAM_POOL));
    }

    @Test
    void workloadsWithoutAWaitHaveNoBound() {
        for (Workload w : new Workload[] {Workload.FAST, Workload.CPU, Workload.CONTACTS, Workload.FAST_METRICS_OFF}) {
            assertNull(LittlesLaw.bound(w, 100, 1000, THREADS_200, DB_POOL, DOWNSTREAM_POOL), w.id());
        }
        assertNull(LittlesLaw.bound(Workload.SLOW, 100, 0, NO_CAP, DB_POOL, DOWNSTREAM_POOL), "no delay, no bound");
    }

    @Test
    void everyDownstreamWorkloadTakesAboutTheDelayPerRequest() {
        assertEquals(1_000.0, LittlesLaw.bound(Workload.HTTP, 1_000, 1000, NO_CAP, DB_POOL, DOWNSTREAM_POOL), 1e-9);
        assertEquals(1_000.0, LittlesLaw.bound(Workload.FANOUT, 1_000, 1000, NO_CAP, DB_POOL, DOWNSTREAM_POOL), 1e-9);
        assertEquals(1_000.0, LittlesLaw.bound(Workload.CHAIN, 1_000, 1000, NO_CAP, DB_POOL, DOWNSTREAM_POOL), 1e-9,
                "ten calls of 100 ms");
        assertNull(LittlesLaw.limit(Workload.FANOUT, 1_000, NO_CAP, DB_POOL, DOWNSTREAM_POOL),
                "10,000 connections serve 1,000 fan-outs of 10");
        // a chain of ten calls of 25 ms (a 250 ms delay) waits 250 ms; of 33 ms (a 333 ms delay, rounded down) 330 ms
        assertEquals(400.0, LittlesLaw.bound(Workload.CHAIN, 100, 250, NO_CAP, DB_POOL, DOWNSTREAM_POOL), 1e-9);
        assertEquals(100 * 1000.0 / 330, LittlesLaw.bound(Workload.CHAIN, 100, 333, NO_CAP, DB_POOL, DOWNSTREAM_POOL), 1e-9);
    }

    @Test
    void theDownstreamPoolCapsAFanoutAtPoolOverItsConcurrentCalls() {
        assertEquals(100.0, LittlesLaw.bound(Workload.FANOUT, 1_000, 1000, NO_CAP, DB_POOL, 1_000), 1e-9);
        assertEquals("1000 pooled downstream connections ÷ 10 calls",
                LittlesLaw.limit(Workload.FANOUT, 1_000, NO_CAP, DB_POOL, 1_000));
        assertNull(LittlesLaw.limit(Workload.FANOUT, 100, NO_CAP, DB_POOL, 1_000), "100 × 10 calls fit in 1000 exactly");
        assertEquals(1.5, LittlesLaw.bound(Workload.FANOUT, 100, 1000, NO_CAP, DB_POOL, 15), 1e-9,
                "a pool smaller than a fan-out still turns over: 15 connections ÷ 10 calls");
    }

    @Test
    void httpAndChainHoldOneDownstreamConnectionAtATime() {
        assertEquals(500.0, LittlesLaw.bound(Workload.HTTP, 1_000, 1000, NO_CAP, DB_POOL, 500), 1e-9);
        assertEquals("500 pooled downstream connections", LittlesLaw.limit(Workload.HTTP, 1_000, NO_CAP, DB_POOL, 500));
        assertEquals(500.0, LittlesLaw.bound(Workload.CHAIN, 1_000, 1000, NO_CAP, DB_POOL, 500), 1e-9);
        assertEquals("500 pooled downstream connections", LittlesLaw.limit(Workload.CHAIN, 1_000, NO_CAP, DB_POOL, 500));
    }

    @Test
    void theSmallerOfThreadsAndDownstreamPoolIsNamed() {
        assertEquals(200.0, LittlesLaw.bound(Workload.FANOUT, 1_000, 1000, THREADS_200, DB_POOL, DOWNSTREAM_POOL), 1e-9);
        assertEquals("200 threads", LittlesLaw.limit(Workload.FANOUT, 1_000, THREADS_200, DB_POOL, DOWNSTREAM_POOL));
        assertEquals(100.0, LittlesLaw.bound(Workload.FANOUT, 1_000, 1000, THREADS_200, DB_POOL, 1_000), 1e-9);
        assertEquals("1000 pooled downstream connections ÷ 10 calls",
                LittlesLaw.limit(Workload.FANOUT, 1_000, THREADS_200, DB_POOL, 1_000));
        assertEquals("200 threads", LittlesLaw.limit(Workload.CHAIN, 1_000, THREADS_200, DB_POOL, 1_000));
    }
}
