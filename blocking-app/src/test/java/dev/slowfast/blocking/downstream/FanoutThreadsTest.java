package dev.slowfast.blocking.downstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The platform pool's threads follow the calls in flight, not its size. */
class FanoutThreadsTest {

    @Test
    void callsOneAfterAnotherReuseAFewThreadsOfALargePool() throws Exception {
        Set<Thread> used = ConcurrentHashMap.newKeySet();
        try (var threads = FanoutThreads.platform(10_000, 100)) {
            for (int i = 0; i < 50; i++) {
                threads.submit(() -> used.add(Thread.currentThread())).get(5, TimeUnit.SECONDS);
            }
        }
        // A thread is idle again only just after its call's result is out, so the next call may start another;
        // a pool that started a thread per call until it reached its size would have used 50.
        assertTrue(used.size() <= 5, () -> "50 calls, never two at once, ran on " + used.size() + " threads");
    }

    @Test
    void callsAtOnceGetAThreadEachUpToTheMaximumThenWait() throws Exception {
        Set<Thread> used = ConcurrentHashMap.newKeySet();
        var release = new CountDownLatch(1);
        var allFourStarted = new CountDownLatch(4);
        try (var threads = FanoutThreads.platform(4, 100)) {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(threads.submit(() -> {
                    used.add(Thread.currentThread());
                    allFourStarted.countDown();
                    release.await();
                }));
            }
            assertTrue(allFourStarted.await(5, TimeUnit.SECONDS), "four calls start at once");
            Future<?> queued = calls.get(5);
            threads.drop(queued);
            assertThrows(CancellationException.class, () -> queued.get(1, TimeUnit.SECONDS),
                    "a queued call taken back out never runs");
            release.countDown();
            for (Future<?> call : calls.subList(0, 5)) {
                call.get(5, TimeUnit.SECONDS);
            }
        }
        assertEquals(4, used.size(), () -> "six calls on a pool of four ran on " + used.size() + " threads");
    }
}
