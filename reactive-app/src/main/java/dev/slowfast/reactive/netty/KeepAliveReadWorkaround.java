package dev.slowfast.reactive.netty;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.LastHttpContent;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.NettyPipeline;

/**
 * Works around a Reactor Netty bug (reactor/reactor-netty#4361, fixed after 1.3.8, the newest
 * version reachable here): when a keep-alive request arrives before the previous exchange has fully
 * ended and is then answered synchronously (e.g. {@code /fast}, or a 404 for a malformed id), the
 * server stops reading the connection and the client's next request hangs forever. We ask for the
 * next read after every response is written; a read that is already pending makes this a no-op.
 * Remove once the app runs on a Reactor Netty with the fix.
 */
@Configuration(proxyBeanMethods = false)
public class KeepAliveReadWorkaround {

    @Bean
    NettyServerCustomizer readAfterEveryResponse() {
        return server -> server.doOnChannelInit((observer, channel, remoteAddress) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, "slowfast.readAfterResponse", new ReadAfterResponse());
            }
        });
    }

    /** Sits next to the HTTP codec and re-arms reading once the end of a response is on the wire. */
    static final class ReadAfterResponse extends ChannelDuplexHandler {

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            if (msg instanceof LastHttpContent) {
                ChannelPromise written = promise.unvoid();
                written.addListener(done -> ctx.executor().execute(ctx::read));
                ctx.write(msg, written);
            } else {
                ctx.write(msg, promise);
            }
        }
    }
}
