package dev.slowfast.reactive.netty;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import reactor.netty.NettyPipeline;

/**
 * A refused body is not read for ever. When a response has been written while its request's body is
 * still arriving (a 413 or 415 answers before the body is read), Reactor Netty keeps reading and
 * discarding the rest so that the connection can be reused, without a deadline; a 16 MiB body sent
 * slowly would hold the connection for hours. If the body has still not ended {@code grace} after the
 * response, the connection is closed. A body that arrives right behind its head (in the same reads)
 * ends well within that, so such a connection stays open.
 */
final class RefusedBodies {

    private final long graceNanos;

    RefusedBodies(Duration grace) {
        this.graceNanos = grace.toNanos();
    }

    void install(ChannelPipeline pipeline) {
        // Behind Reactor Netty's pipelining queue: one exchange at a time, in order.
        pipeline.addAfter(NettyPipeline.HttpTrafficHandler, "slowfast.refusedBodies", new Deadline());
    }

    private final class Deadline extends ChannelDuplexHandler {

        /** Counts requests, so that a timer knows whether its exchange is still the current one. */
        private long exchange;
        /** Whether the body of the current request has arrived whole. */
        private boolean bodyComplete = true;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof HttpRequest) {
                exchange++;
                bodyComplete = false;
            }
            if (msg instanceof LastHttpContent) {
                bodyComplete = true; // a FullHttpRequest is both
            }
            ctx.fireChannelRead(msg);
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            ctx.write(msg, promise);
            if (msg instanceof LastHttpContent && !bodyComplete && !isInformational(msg)) {
                long answered = exchange;
                ctx.executor().schedule(() -> {
                    if (exchange == answered && !bodyComplete) {
                        ctx.close();
                    }
                }, graceNanos, TimeUnit.NANOSECONDS);
            }
        }

        /** A 100 Continue ends a message but not the exchange: it asks for the body. */
        private static boolean isInformational(Object msg) {
            return msg instanceof HttpResponse response && response.status().codeClass() == HttpStatusClass.INFORMATIONAL;
        }
    }
}
