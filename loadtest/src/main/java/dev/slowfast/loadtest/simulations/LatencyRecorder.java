package dev.slowfast.loadtest.simulations;

import dev.slowfast.loadtest.results.Errors;
import dev.slowfast.loadtest.results.Latency;
import dev.slowfast.loadtest.results.LevelMeasurement;
import dev.slowfast.loadtest.results.RequestMeasurement;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Our own measurements, fed by the simulation after every request: Gatling 3.15 keeps its numbers in
 * a binary log and HTML only, so latency goes into one HdrHistogram per level and request kind.
 * Successes count when they complete inside their level's steady window; errors count over the
 * whole level, ramp included, so none can hide in a transition. Called from Gatling's event loops,
 * hence only concurrent structures.
 */
final class LatencyRecorder {

    private static final long HIGHEST_TRACKABLE_MICROS = 10 * 60 * 1_000_000L;

    private final StairSchedule schedule;
    private final long requestTimeoutMs;
    private final AtomicLong originNanos = new AtomicLong(Long.MIN_VALUE);
    private volatile long originEpochMs;
    private final Map<Key, Series> series = new ConcurrentHashMap<>();

    LatencyRecorder(StairSchedule schedule, long requestTimeoutMs) {
        this.schedule = schedule;
        this.requestTimeoutMs = requestTimeoutMs;
    }

    /** Called by every new user; the first one fixes time zero of the stair. Returns the user's level. */
    int userStarts() {
        long now = System.nanoTime();
        if (originNanos.compareAndSet(Long.MIN_VALUE, now)) {
            originEpochMs = System.currentTimeMillis();
        }
        return schedule.levelAt(millisSinceOrigin(now));
    }

    /** Whether {@code level} is still the one running (false once the stair is over). */
    boolean isCurrent(int level) {
        long t = millisSinceOrigin(System.nanoTime());
        return t < schedule.totalMs() && schedule.levelAt(t) == level;
    }

    /** @param status the HTTP status, or -1 when no response arrived */
    void record(String request, long startNanos, int status, int expectedStatus) {
        long end = System.nanoTime();
        long elapsedNanos = end - startNanos;
        long t = millisSinceOrigin(end);
        if (status == expectedStatus) {
            int window = schedule.windowAt(t);
            if (window >= 0) {
                series(window, request).succeeded(elapsedNanos / 1000);
            }
        } else {
            series(schedule.levelAt(t), request).failed(status, elapsedNanos >= (requestTimeoutMs - 50) * 1_000_000L);
        }
    }

    long originEpochMs() {
        return originEpochMs;
    }

    List<LevelMeasurement> levels(List<String> requestKinds) {
        return java.util.stream.IntStream.range(0, schedule.size()).mapToObj(level -> {
            var requests = new LinkedHashMap<String, RequestMeasurement>();
            for (String kind : requestKinds) {
                requests.put(kind, series(level, kind).measurement());
            }
            return new LevelMeasurement(schedule.users(level),
                    originEpochMs + schedule.levelStartMs(level),
                    originEpochMs + schedule.windowStartMs(level),
                    originEpochMs + schedule.holdEndMs(level),
                    requests);
        }).toList();
    }

    private long millisSinceOrigin(long nanos) {
        return (nanos - originNanos.get()) / 1_000_000L;
    }

    private Series series(int level, String request) {
        return series.computeIfAbsent(new Key(level, request), key -> new Series());
    }

    private record Key(int level, String request) {
    }

    private static final class Series {
        private final Histogram latencyMicros = new ConcurrentHistogram(HIGHEST_TRACKABLE_MICROS, 3);
        private final LongAdder statusErrors = new LongAdder();
        private final LongAdder timeouts = new LongAdder();
        private final LongAdder connectionErrors = new LongAdder();
        private final Map<Integer, LongAdder> unexpectedStatuses = new ConcurrentHashMap<>();

        void succeeded(long micros) {
            latencyMicros.recordValue(Math.min(Math.max(micros, 1), HIGHEST_TRACKABLE_MICROS));
        }

        void failed(int status, boolean tookTheWholeTimeout) {
            if (status > 0) {
                statusErrors.increment();
                unexpectedStatuses.computeIfAbsent(status, s -> new LongAdder()).increment();
            } else if (tookTheWholeTimeout) {
                timeouts.increment();
            } else {
                connectionErrors.increment();
            }
        }

        RequestMeasurement measurement() {
            Histogram copy = latencyMicros.copy();
            var statuses = new TreeMap<Integer, Long>();
            unexpectedStatuses.forEach((status, count) -> statuses.put(status, count.sum()));
            Latency latency = copy.getTotalCount() == 0 ? null : new Latency(
                    millis(copy.getValueAtPercentile(50)), millis(copy.getValueAtPercentile(90)),
                    millis(copy.getValueAtPercentile(99)), millis(copy.getMaxValue()), copy.getMean() / 1000.0);
            return new RequestMeasurement(
                    copy.getTotalCount(),
                    latency,
                    new Errors(statusErrors.sum(), timeouts.sum(), connectionErrors.sum()),
                    statuses,
                    encode(copy));
        }

        private static double millis(long micros) {
            return micros / 1000.0;
        }

        private static String encode(Histogram histogram) {
            ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
            int length = histogram.encodeIntoCompressedByteBuffer(buffer);
            return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), length));
        }
    }
}
