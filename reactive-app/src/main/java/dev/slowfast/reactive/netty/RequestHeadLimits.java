package dev.slowfast.reactive.netty;

import dev.slowfast.rules.Problem;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.util.ReferenceCountUtil;
import java.util.Map;
import java.util.function.Function;
import reactor.netty.NettyPipeline;

/**
 * The contract's limits on a request head (414, 431). Netty's HTTP decoder enforces them (Boot
 * passes them on from server.netty.max-initial-line-length and server.max-http-request-header-size),
 * but fails such a request before any Spring code runs. A handler right behind the decoder answers
 * those requests with our problem+json instead, then closes the connection.
 */
final class RequestHeadLimits {

    /** Each answer serialized once; {@link FrameworkErrors#response} wraps it anew for every use. */
    private final Map<Problem, byte[]> bodies;

    RequestHeadLimits(Function<Problem, byte[]> body) {
        this.bodies = Map.of(
                FrameworkErrors.URI_TOO_LONG, body.apply(FrameworkErrors.URI_TOO_LONG),
                FrameworkErrors.HEADER_FIELDS_TOO_LARGE, body.apply(FrameworkErrors.HEADER_FIELDS_TOO_LARGE),
                FrameworkErrors.MALFORMED_HEAD, body.apply(FrameworkErrors.MALFORMED_HEAD));
    }

    void install(ChannelPipeline pipeline) {
        pipeline.addAfter(NettyPipeline.HttpCodec, "slowfast.refusedHeads", new RefusedHeads());
    }

    /** Sits right behind Netty's HTTP decoder and answers the requests it could not decode. */
    private final class RefusedHeads extends ChannelInboundHandlerAdapter {

        private boolean refused;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (refused) {
                ReferenceCountUtil.release(msg); // whatever the decoder still makes of a refused connection
                return;
            }
            if (msg instanceof HttpRequest request && request.decoderResult().isFailure()) {
                refused = true;
                Problem problem = FrameworkErrors.decoderFailure(request.decoderResult().cause());
                ReferenceCountUtil.release(msg);
                ctx.writeAndFlush(FrameworkErrors.response(problem, bodies.get(problem))).addListener(ChannelFutureListener.CLOSE);
                return;
            }
            ctx.fireChannelRead(msg);
        }
    }
}
