package dev.slowfast.reactive.netty;

import dev.slowfast.reactive.problems.ProblemResponses;
import io.netty.channel.ChannelPipeline;
import java.time.Duration;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * Boot's Reactor Netty server with our hardening on every HTTP/1.1 connection's pipeline: the
 * header deadline and the problem answers to refused heads. (Shedding and the shutdown gate are
 * WebFilters; KeepAliveReadWorkaround adds itself.)
 */
public final class NettyServer implements NettyServerCustomizer {

    private final HeaderTimeout headerTimeout;
    private final RequestHeadLimits requestHeadLimits;

    public NettyServer(Duration headerTimeout, ProblemResponses problems) {
        this.headerTimeout = new HeaderTimeout(headerTimeout);
        this.requestHeadLimits = new RequestHeadLimits(problems::body);
    }

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, remoteAddress) -> {
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(NettyPipeline.HttpCodec) != null) {
                requestHeadLimits.install(pipeline);
                headerTimeout.install(pipeline);
            }
        });
    }
}
