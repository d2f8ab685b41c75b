package dev.slowfast.contract.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slowfast.contract.ApiResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The seed experiment at the scale every implementation must handle: slow requests in flight
 * must not hold up a fast one. (A one-worker server fails this; blocking-app shows that in its
 * own tests, since the thread pool size is what the experiment is about.)
 */
public abstract class ConcurrencyCases extends ContractCases {

    private static final int SLOW_IN_FLIGHT = 100;
    private static final Duration FAST_BOUND = Duration.ofSeconds(1);

    @Test
    void fastAnswersWithinOneSecondWhile100SlowRequestsAreInFlight() throws InterruptedException {
        List<CompletableFuture<ApiResponse>> slow = IntStream.range(0, SLOW_IN_FLIGHT)
                .mapToObj(i -> api().getAsync("/slow?ms=3000"))
                .toList();
        Thread.sleep(500); // let every slow request reach the server

        ApiResponse fast = api().get("/fast");

        assertEquals(200, fast.status(), fast::describe);
        assertTrue(slow.stream().noneMatch(CompletableFuture::isDone), "the slow requests were still in flight");
        assertTrue(fast.elapsed().compareTo(FAST_BOUND) < 0,
                () -> "/fast took " + fast.elapsed().toMillis() + " ms with " + SLOW_IN_FLIGHT + " /slow in flight");
        slow.forEach(request -> assertEquals(200, request.join().status()));
    }
}
