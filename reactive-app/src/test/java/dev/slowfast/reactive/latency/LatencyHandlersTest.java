package dev.slowfast.reactive.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The prime test itself is the kernel's (api-rules' PrimesTest); here: where /cpu runs it. */
class LatencyHandlersTest {

    @Test
    void primesAreTestedOnTheCpuSchedulerNeverOnTheCallersThread() {
        LatencyHandlers handlers = new LatencyHandlers(null);
        AtomicReference<String> thread = new AtomicReference<>();
        try {
            Boolean prime = handlers.isPrime(112_272_535_095_293L)
                    .doOnNext(p -> thread.set(Thread.currentThread().getName()))
                    .block();
            assertEquals(Boolean.TRUE, prime);
            assertTrue(thread.get().startsWith("cpu-"), thread::get);
        } finally {
            handlers.destroy();
        }
    }
}
