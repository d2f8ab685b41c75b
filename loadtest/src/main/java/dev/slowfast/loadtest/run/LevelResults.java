package dev.slowfast.loadtest.run;

import dev.slowfast.loadtest.metrics.MetricsScraper;
import dev.slowfast.loadtest.metrics.MetricsWindow;
import dev.slowfast.loadtest.results.Errors;
import dev.slowfast.loadtest.results.Latency;
import dev.slowfast.loadtest.results.LevelMeasurement;
import dev.slowfast.loadtest.results.LevelResult;
import dev.slowfast.loadtest.results.RequestMeasurement;
import dev.slowfast.loadtest.results.RequestResult;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.ToDoubleFunction;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * Joins what the simulation measured at one level with what the samplers saw of the app, and of the
 * downstream process (empty samples: none ran), meanwhile.
 */
final class LevelResults {

    private LevelResults() {
    }

    static LevelResult of(LevelMeasurement level, List<ProcessSample> samples, List<ProcessSample> downstreamSamples,
                          List<ProcessSample> generatorSamples, int generatorCores,
                          List<MetricsScraper.Scrape> scrapes, Workload workload, long delayMs, OptionalInt threadCap,
                          int dbPoolSize, int downstreamPoolSize) {
        double window = level.windowSeconds();
        var requests = new LinkedHashMap<String, RequestResult>();
        Histogram all = new Histogram(3);
        Errors errors = Errors.NONE;
        long ok = 0;
        for (var entry : level.requests().entrySet()) {
            RequestMeasurement m = entry.getValue();
            requests.put(entry.getKey(), new RequestResult(m.ok(), m.ok() / window, m.latencyMs(), m.errors(),
                    m.unexpectedStatuses(), m.histogram()));
            all.add(decode(m.histogram()));
            errors = errors.plus(m.errors());
            ok += m.ok();
        }
        List<ProcessSample> duringLevel = samples.stream()
                .filter(s -> s.epochMs() >= level.levelStartEpochMs() && s.epochMs() <= level.windowEndEpochMs())
                .toList();
        Double downstreamCpu = cpuSeconds(downstreamSamples, level.windowStartEpochMs(), level.windowEndEpochMs());
        Double generatorCpu = cpuSeconds(generatorSamples, level.windowStartEpochMs(), level.windowEndEpochMs());
        // downstream runs on the generator's cores too: together they are the load side
        Boolean generatorBound = generatorCpu == null || generatorCores == 0 ? null
                : (generatorCpu + (downstreamCpu == null ? 0 : downstreamCpu)) / (window * generatorCores) >= LevelResult.GENERATOR_BUSY;
        return new LevelResult(level.users(), window, ok, ok / window,
                LittlesLaw.bound(workload, level.users(), delayMs, threadCap, dbPoolSize, downstreamPoolSize),
                LittlesLaw.limit(workload, level.users(), threadCap, dbPoolSize, downstreamPoolSize),
                latency(all), errors, requests,
                cpuSeconds(samples, level.windowStartEpochMs(), level.windowEndEpochMs()),
                max(duringLevel, s -> s.rssKb() / 1024.0),
                toInteger(max(duringLevel, ProcessSample::threads)),
                toInteger(max(duringLevel.stream().filter(s -> s.openFiles() >= 0).toList(), ProcessSample::openFiles)),
                scrapes.isEmpty() ? null : MetricsWindow.of(scrapes, level.windowStartEpochMs(), level.windowEndEpochMs()),
                downstreamCpu, downstreamCpu == null ? null : downstreamCpu / window >= LevelResult.DOWNSTREAM_BUSY,
                generatorCpu, generatorBound);
    }

    static Latency latency(Histogram h) {
        if (h.getTotalCount() == 0) {
            return null;
        }
        return new Latency(h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(90) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0, h.getMean() / 1000.0);
    }

    static Histogram decode(String base64) {
        try {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(base64)), 0);
        } catch (DataFormatException e) {
            throw new IllegalStateException("a latency histogram from the simulation is corrupt", e);
        }
    }

    /** CPU seconds between two instants, interpolated between the samples around each. */
    private static Double cpuSeconds(List<ProcessSample> samples, long fromMs, long toMs) {
        Double from = cpuAt(samples, fromMs);
        Double to = cpuAt(samples, toMs);
        return from == null || to == null ? null : to - from;
    }

    private static Double cpuAt(List<ProcessSample> samples, long t) {
        ProcessSample before = null;
        ProcessSample after = null;
        for (ProcessSample s : samples) {
            if (s.epochMs() <= t) {
                before = s;
            } else {
                after = s;
                break;
            }
        }
        if (before == null || after == null) {
            return before == null ? null : before.cpuSeconds();
        }
        double fraction = (double) (t - before.epochMs()) / (after.epochMs() - before.epochMs());
        return before.cpuSeconds() + fraction * (after.cpuSeconds() - before.cpuSeconds());
    }

    private static Double max(List<ProcessSample> samples, ToDoubleFunction<ProcessSample> value) {
        return samples.isEmpty() ? null : samples.stream().mapToDouble(value).max().orElseThrow();
    }

    private static Integer toInteger(Double value) {
        return value == null ? null : (int) Math.round(value);
    }
}
