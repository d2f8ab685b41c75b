package dev.slowfast.reactive.netty;

import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.ChannelOption;
import reactor.netty.http.server.HttpServer;

/**
 * HTTP/1.1 pipelining with backpressure. Reactor Netty (1.3.8+) reads a connection on demand and stops
 * reading while 32 pipelined requests wait for the one being answered, so a client that does not
 * read its answers is slowed down by TCP, not buffered. What it has read in one go is decoded whole,
 * though, and Netty's codec closes a connection with more requests than {@code maxPipelineDepth}
 * unanswered (128 by default: a client pipelining 1,000 small GETs would lose its connection). So one
 * read takes at most one 64 KiB buffer, at most {@link #MAX_DEPTH}'s worth of the smallest possible
 * heads, and the depth allows that many: it bounds memory, and no client the contract allows hits it.
 */
final class Pipelining {

    /** The most one read takes off a connection. */
    private static final int MAX_READ_BYTES = 64 * 1024;
    /** One read of the smallest heads ("GET / HTTP/1.1\r\n\r\n", 18 bytes) plus the 32 already queued, rounded up. */
    static final int MAX_DEPTH = 4096;

    private Pipelining() {
    }

    static HttpServer bounded(HttpServer server) {
        return server.maxPipelineDepth(MAX_DEPTH)
                .childOption(ChannelOption.RCVBUF_ALLOCATOR,
                        new AdaptiveRecvByteBufAllocator(64, 2048, MAX_READ_BYTES).maxMessagesPerRead(1));
    }
}
