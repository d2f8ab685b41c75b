package dev.slowfast.reactive.netty;

import dev.slowfast.rules.MetricNames;
import dev.slowfast.rules.Problem;
import dev.slowfast.rules.ProblemDetails;
import dev.slowfast.rules.ProblemType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.MediaType;
import reactor.netty.NettyPipeline;

/**
 * Load shedding (MAX_IN_FLIGHT), decided in the Netty pipeline before Reactor Netty and Spring see
 * the request: a request counts from the moment its head is decoded (a pipelined one waiting behind
 * another on its connection included) until its response has been written, or its connection has
 * closed (the client went away). One over the limit never reaches the app: it is answered 503
 * {@code overloaded} with a body rendered once, and its connection is closed (nothing read after it is
 * processed). Health and readiness probes and {@code /metrics} are never shed: an orchestrator and
 * a scraper must still see the app, above all when it is overloaded.
 *
 * <p>The metrics of shedding are kept here because only here are they true: the in-flight gauge is
 * this counter, and a shed request, which WebFlux never sees, counts only in the shed counter.
 */
final class InFlightLimit {

    /** Health and readiness: never shed, and still answered while shutting down (GracefulShutdown). */
    static final Set<String> PROBES = Set.of("/health", "/ready");
    /** The probes and the metrics; {@code /metrics} is refused after SIGTERM like any request. */
    private static final Set<String> NEVER_SHED = Set.of("/health", "/ready", MetricNames.PATH);
    static final Problem OVERLOADED = Problem.of(ProblemType.OVERLOADED, ProblemDetails.OVERLOADED);

    private final int max;
    private final byte[] overloaded;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Counter shed;

    /** {@code overloaded}: the 503 {@code overloaded} problem's body, as problem+json. */
    InFlightLimit(int max, byte[] overloaded, MeterRegistry registry) {
        this.max = max;
        this.overloaded = overloaded;
        Gauge.builder(MetricNames.REQUESTS_IN_FLIGHT, inFlight, AtomicInteger::get)
                .description("Requests counted against MAX_IN_FLIGHT")
                .register(registry);
        this.shed = Counter.builder(MetricNames.REQUESTS_SHED)
                .description("Requests answered 503 overloaded at MAX_IN_FLIGHT")
                .register(registry);
    }

    /** In front of Reactor Netty's request handling, behind the decoder and the refused-head answers. */
    void install(ChannelPipeline pipeline) {
        pipeline.addBefore(NettyPipeline.HttpTrafficHandler, "slowfast.inFlightLimit", new Gate());
    }

    private FullHttpResponse shed() {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.SERVICE_UNAVAILABLE,
                Unpooled.wrappedBuffer(overloaded));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, overloaded.length)
                .set(HttpHeaderNames.RETRY_AFTER, "1")
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        return response;
    }

    /** One connection's requests, in order: for each one not yet answered, whether it holds a slot. */
    private final class Gate extends ChannelDuplexHandler {

        private final ArrayDeque<Boolean> unanswered = new ArrayDeque<>();
        /** A request was shed: nothing after it is passed on, and its 503 goes out once those before it are answered. */
        private boolean shedding;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (shedding) {
                ReferenceCountUtil.release(msg);
                return;
            }
            if (msg instanceof HttpRequest request && request.decoderResult().isSuccess()) {
                if (isNeverShed(request.uri())) {
                    unanswered.add(false);
                } else if (inFlight.incrementAndGet() > max) {
                    inFlight.decrementAndGet();
                    shed.increment();
                    ReferenceCountUtil.release(msg);
                    shedding = true;
                    if (unanswered.isEmpty()) {
                        answerShed(ctx);
                    }
                    return;
                } else {
                    unanswered.add(true);
                }
            }
            ctx.fireChannelRead(msg);
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            ctx.write(msg, promise);
            if (msg instanceof LastHttpContent && !isInformational(msg) && !unanswered.isEmpty()) {
                release(unanswered.poll());
                if (shedding && unanswered.isEmpty()) {
                    answerShed(ctx);
                }
            }
        }

        /** While shedding, the connection is not read: whatever comes next would be dropped. */
        @Override
        public void read(ChannelHandlerContext ctx) {
            if (!shedding) {
                ctx.read();
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            unanswered.forEach(this::release); // the client went away: its slots come back now
            unanswered.clear();
            ctx.fireChannelInactive();
        }

        private void release(boolean counted) {
            if (counted) {
                inFlight.decrementAndGet();
            }
        }

        private void answerShed(ChannelHandlerContext ctx) {
            ctx.writeAndFlush(shed()).addListener(ChannelFutureListener.CLOSE);
        }

        private static boolean isNeverShed(String uri) {
            int query = uri.indexOf('?');
            return NEVER_SHED.contains(query < 0 ? uri : uri.substring(0, query));
        }

        /** A 100 Continue ends a message but not the exchange. */
        private static boolean isInformational(Object msg) {
            return msg instanceof HttpResponse response && response.status().codeClass() == HttpStatusClass.INFORMATIONAL;
        }
    }
}
