package dev.slowfast.reactive.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
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
 * HEADER_TIMEOUT_MS: a connection must deliver a complete request head within this time, counted
 * from when it opens, or on a kept-alive connection from the first bytes of its next request; else
 * it is closed. This stops clients that trickle their headers from holding connections forever.
 * Reactor Netty's own timeouts do not fit: its idle timeout restarts with every byte (a trickle
 * never trips it), and its read and request timeouts start only once the head has been decoded.
 */
final class HeaderTimeout {

    private final long timeoutNanos;

    HeaderTimeout(Duration timeout) {
        this.timeoutNanos = timeout.toNanos();
    }

    /** One deadline per connection, watched from both sides of the HTTP decoder. */
    void install(ChannelPipeline pipeline) {
        Deadline deadline = new Deadline(timeoutNanos);
        pipeline.addBefore(NettyPipeline.HttpCodec, "slowfast.headStart", deadline.new HeadStart());
        pipeline.addAfter(NettyPipeline.HttpCodec, "slowfast.headEnd", deadline.new HeadEnd());
    }

    /**
     * One connection's deadline. The head starts with the connection, or with the first bytes read
     * while no exchange is open (seen in front of the HTTP decoder); it ends when the decoder passes
     * a request on (seen behind it). Bytes in between do not move the deadline. One timer at a time
     * is enough: when it fires early for a later head, it re-arms itself for the time that is left.
     */
    static final class Deadline {

        private final long timeoutNanos;
        private boolean headInProgress;
        private long headStartedAt;
        private boolean timerArmed;
        /** Requests whose head has arrived and whose response has not been written completely. */
        private int openExchanges;

        Deadline(long timeoutNanos) {
            this.timeoutNanos = timeoutNanos;
        }

        private void headStarted(ChannelHandlerContext ctx) {
            headInProgress = true;
            headStartedAt = System.nanoTime();
            if (!timerArmed) {
                arm(ctx, timeoutNanos);
            }
        }

        private void arm(ChannelHandlerContext ctx, long delayNanos) {
            timerArmed = true;
            ctx.executor().schedule(() -> expire(ctx), delayNanos, TimeUnit.NANOSECONDS);
        }

        private void expire(ChannelHandlerContext ctx) {
            timerArmed = false;
            if (!headInProgress || !ctx.channel().isActive()) {
                return;
            }
            long left = headStartedAt + timeoutNanos - System.nanoTime();
            if (left > 0) {
                arm(ctx, left);
            } else {
                ctx.close();
            }
        }

        /** In front of the HTTP decoder: sees the raw bytes. */
        final class HeadStart extends ChannelInboundHandlerAdapter {

            @Override
            public void handlerAdded(ChannelHandlerContext ctx) {
                headStarted(ctx); // the connection has just been accepted
            }

            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (msg instanceof ByteBuf && openExchanges == 0 && !headInProgress) {
                    headStarted(ctx);
                }
                ctx.fireChannelRead(msg);
            }
        }

        /** Behind the HTTP decoder: sees complete request heads and the responses going out. */
        final class HeadEnd extends ChannelDuplexHandler {

            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (msg instanceof HttpRequest) {
                    headInProgress = false;
                    openExchanges++;
                }
                ctx.fireChannelRead(msg);
            }

            @Override
            public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
                if (msg instanceof LastHttpContent && !isInformational(msg) && openExchanges > 0) {
                    openExchanges--;
                }
                ctx.write(msg, promise);
            }

            /** A 100 Continue ends a message but not the exchange. */
            private static boolean isInformational(Object msg) {
                return msg instanceof HttpResponse response && response.status().codeClass() == HttpStatusClass.INFORMATIONAL;
            }
        }
    }
}
