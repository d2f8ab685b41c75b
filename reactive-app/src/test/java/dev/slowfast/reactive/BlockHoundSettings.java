package dev.slowfast.reactive;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import reactor.blockhound.BlockHound;
import reactor.blockhound.BlockingOperationError;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Our BlockHound settings. BlockHound is installed for the whole test run by
 * blockhound-junit-platform and finds this class through META-INF/services. It remembers every
 * blocking call caught on a non-blocking thread (Netty event loops, Reactor's parallel and our cpu
 * scheduler), because the error BlockHound throws may be swallowed (e.g. by a retry) and the test
 * must fail anyway; {@link NoBlockingCalls} checks the list.
 */
public final class BlockHoundSettings implements BlockHoundIntegration {

    private static final Queue<String> CALLS = new ConcurrentLinkedQueue<>();

    @Override
    public void applyTo(BlockHound.Builder builder) {
        // Netty 4.2's adaptive buffer allocator briefly takes a StampedLock when it grows; Netty's
        // own BlockHound integration allows the equivalent spots of its older allocator (PoolChunk)
        // but not this one yet. Allocator bookkeeping, not I/O.
        builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$MagazineGroup", "tryExpandMagazines");
        // Jackson 3 builds a deserializer the first time it meets a type, under a lock, and caches
        // it; concurrent first requests (the fuzzer's four workers) may wait for each other there.
        // A one-off in-memory wait, not I/O.
        builder.allowBlockingCallsInside("tools.jackson.databind.deser.DeserializerCache", "_createAndCacheValueDeserializer");
        // Logging is ordinary in this reactive app (a schema applied, a 500): a console line is a short
        // write, not a wait for the network or the database, which is what BlockHound is here to find.
        // Logback's appender takes a lock and writes to stdout, and either may block for a moment.
        builder.allowBlockingCallsInside("ch.qos.logback.core.OutputStreamAppender", "subAppend");
        builder.blockingMethodCallback(method -> {
            CALLS.add(method + " on thread " + Thread.currentThread().getName() + where());
            throw new BlockingOperationError(method); // BlockHound's default reaction, kept
        });
    }

    /** The caller's frames, BlockHound's own left out, so the report says who blocked. */
    private static String where() {
        StringBuilder frames = new StringBuilder();
        StackWalker.getInstance().walk(stack -> stack
                .dropWhile(frame -> !frame.getClassName().startsWith("reactor.blockhound"))
                .dropWhile(frame -> frame.getClassName().startsWith("reactor.blockhound"))
                .limit(25)
                .toList())
                .forEach(frame -> frames.append("\n\tat ").append(frame));
        return frames.toString();
    }

    static List<String> all() {
        return List.copyOf(CALLS);
    }
}
