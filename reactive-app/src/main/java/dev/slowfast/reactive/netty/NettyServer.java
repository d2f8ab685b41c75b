package dev.slowfast.reactive.netty;

import dev.slowfast.reactive.problems.ProblemResponses;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.ChannelPipeline;
import java.time.Duration;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * Boot's Reactor Netty server with our hardening on every HTTP/1.1 connection's pipeline: the
 * header deadline, the problem answers to refused heads, shedding, closing after a refused body; and
 * pipelining bounded per connection. (The shutdown gate is a WebFilter: it asks Boot's readiness.)
 */
public final class NettyServer implements NettyServerCustomizer {

    private final HeaderTimeout headerTimeout;
    private final RequestHeadLimits requestHeadLimits;
    private final InFlightLimit inFlightLimit;
    /** How long a refused body may go on arriving after its answer (the contract: "within a few seconds"). */
    private final RefusedBodies refusedBodies = new RefusedBodies(Duration.ofSeconds(1));

    /** {@code registry}: where shedding's gauge and counter go (Micrometer's, recording nothing with METRICS=off). */
    public NettyServer(Duration headerTimeout, int maxInFlight, ProblemResponses problems, MeterRegistry registry) {
        this.headerTimeout = new HeaderTimeout(headerTimeout);
        this.requestHeadLimits = new RequestHeadLimits(problems::body);
        this.inFlightLimit = new InFlightLimit(maxInFlight, problems.body(InFlightLimit.OVERLOADED), registry);
    }

    @Override
    public HttpServer apply(HttpServer server) {
        return Pipelining.bounded(server).doOnChannelInit((observer, channel, remoteAddress) -> {
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(NettyPipeline.HttpCodec) != null) {
                requestHeadLimits.install(pipeline);
                headerTimeout.install(pipeline);
                inFlightLimit.install(pipeline);
                refusedBodies.install(pipeline);
            }
        });
    }
}
