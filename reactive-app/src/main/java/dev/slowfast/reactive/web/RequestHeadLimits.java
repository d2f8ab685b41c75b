package dev.slowfast.reactive.web;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import reactor.netty.NettyPipeline;
import tools.jackson.databind.json.JsonMapper;

/**
 * The contract's limits on a request head (8 KiB target, 16 KiB of headers) and our answers when
 * they are broken. Netty's HTTP decoder enforces the limits (Boot passes them on from the
 * properties in {@link #springProperties()}), but it fails such a request before any Spring code
 * runs, and Reactor Netty would then answer with a bodiless 414/431/400. A handler right behind the
 * decoder answers those requests with our problem+json instead, then closes the connection, since
 * the rest of a refused head cannot be trusted.
 */
@Configuration(proxyBeanMethods = false)
public class RequestHeadLimits {

    public static final int MAX_TARGET_BYTES = 8 * 1024;
    public static final int MAX_HEADER_BYTES = 16 * 1024;
    /** Netty limits the whole request line: room for the longest method and the version around the target. */
    static final int MAX_REQUEST_LINE_BYTES = "DELETE ".length() + MAX_TARGET_BYTES + " HTTP/1.1".length();

    /** The Boot properties that configure Netty's decoder with these limits. */
    public static Map<String, Object> springProperties() {
        return Map.of(
                "server.netty.max-initial-line-length", MAX_REQUEST_LINE_BYTES + "B",
                "server.max-http-request-header-size", MAX_HEADER_BYTES + "B");
    }

    @Bean
    NettyServerCustomizer answerRefusedHeadsWithProblems(JsonMapper json) {
        Answers answers = new Answers(
                Answer.of(Problems.uriTooLong(), json),
                Answer.of(Problems.headerFieldsTooLarge(), json),
                Answer.of(Problems.badRequest("The request line or headers are malformed."), json));
        return server -> server.doOnChannelInit((observer, channel, remoteAddress) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, "slowfast.refusedHeads", new RefusedHeads(answers));
            }
        });
    }

    /** Sits right behind Netty's HTTP decoder and answers the requests it could not decode. */
    static final class RefusedHeads extends ChannelInboundHandlerAdapter {

        private final Answers answers;
        private boolean refused;

        RefusedHeads(Answers answers) {
            this.answers = answers;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (refused) {
                ReferenceCountUtil.release(msg); // whatever the decoder still makes of a refused connection
                return;
            }
            if (msg instanceof HttpRequest request && request.decoderResult().isFailure()) {
                refused = true;
                Throwable failure = request.decoderResult().cause();
                ReferenceCountUtil.release(msg);
                ctx.writeAndFlush(answers.to(failure).response()).addListener(ChannelFutureListener.CLOSE);
                return;
            }
            ctx.fireChannelRead(msg);
        }
    }

    /** What to answer to each way Netty's decoder can fail. */
    record Answers(Answer uriTooLong, Answer headerFieldsTooLarge, Answer badRequest) {

        Answer to(Throwable decoderFailure) {
            return switch (decoderFailure) {
                case TooLongHttpLineException line -> uriTooLong;
                case TooLongHttpHeaderException headers -> headerFieldsTooLarge;
                default -> badRequest;
            };
        }
    }

    /** One problem, serialized once; {@link #response()} wraps it anew for every use. */
    record Answer(HttpResponseStatus status, byte[] body) {

        static Answer of(ErrorResponseException problem, JsonMapper json) {
            ProblemDetail detail = problem.getBody();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", detail.getType().toString());
            body.put("title", detail.getTitle());
            body.put("status", detail.getStatus());
            body.put("detail", detail.getDetail());
            return new Answer(HttpResponseStatus.valueOf(detail.getStatus()), json.writeValueAsBytes(body));
        }

        FullHttpResponse response() {
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
            response.headers()
                    .set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                    .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            return response;
        }
    }
}
