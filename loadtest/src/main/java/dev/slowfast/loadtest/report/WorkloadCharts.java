package dev.slowfast.loadtest.report;

import dev.slowfast.loadtest.results.LevelMetrics;
import dev.slowfast.loadtest.results.LevelResult;
import dev.slowfast.loadtest.results.RequestResult;
import dev.slowfast.loadtest.results.RunResult;
import dev.slowfast.loadtest.results.ScalingResults;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** The charts of one workload, each with its reading: throughput, latency, errors, CPU, memory, threads, GC, pool wait. */
final class WorkloadCharts {

    private static final String[] PALETTE = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2"};
    private static final String USERS = "concurrent users (log scale)";

    private WorkloadCharts() {
    }

    static List<Chart> of(ScalingResults results, String workload) {
        List<RunResult> runs = results.runsOf(workload).stream().filter(r -> r.failure() == null).toList();
        var colors = colors(results);
        var charts = new ArrayList<Chart>();
        if (runs.isEmpty()) {
            return charts;
        }
        var throughput = new SvgChart(workload + ": throughput vs users", USERS, "successful requests / s (log)", true);
        runs.forEach(r -> throughput.add(series(r, colors, LevelResult::throughputRps)));
        boundSeries(runs).forEach(throughput::add);
        charts.add(new Chart(workload + "-throughput", "Throughput", throughput.render(), Readings.throughput(runs)));

        charts.add(latencyChart(workload, runs, colors, "p50", l -> l.p50()));
        charts.add(latencyChart(workload, runs, colors, "p99", l -> l.p99()));
        if ("mixed".equals(workload)) {
            var fast = new SvgChart("mixed: /fast p99 latency vs users", USERS, "/fast p99 (ms, log)", true);
            runs.forEach(r -> fast.add(series(r, colors, l -> requestP99(l, "fast"))));
            charts.add(new Chart(workload + "-fast-p99", "/fast p99 while /slow requests are in flight", fast.render(),
                    Readings.fastP99(runs)));
        }
        var errors = new SvgChart(workload + ": errors vs users", USERS, "failed requests per level", false);
        runs.forEach(r -> errors.add(series(r, colors, l -> (double) l.errors().total())));
        charts.add(new Chart(workload + "-errors", "Errors", errors.render(), Readings.errors(runs)));

        List<RunResult> sampled = runs.stream().filter(r -> r.levels().stream().anyMatch(l -> l.cpuSeconds() != null)).toList();
        if (!sampled.isEmpty()) {
            var cpu = new SvgChart(workload + ": app CPU vs users", USERS, "CPU seconds in the steady window", false);
            sampled.forEach(r -> cpu.add(series(r, colors, LevelResult::cpuSeconds)));
            charts.add(new Chart(workload + "-cpu", "App CPU", cpu.render(), Readings.cpu(sampled)));
            var rss = new SvgChart(workload + ": app peak RSS vs users", USERS, "peak resident memory (MB)", false);
            sampled.forEach(r -> rss.add(series(r, colors, LevelResult::peakRssMb)));
            charts.add(new Chart(workload + "-rss", "App memory", rss.render(), Readings.rss(sampled)));
            var threads = new SvgChart(workload + ": app live threads vs users", USERS, "live OS threads (max)", false);
            sampled.forEach(r -> threads.add(series(r, colors, l -> l.threads() == null ? null : l.threads().doubleValue())));
            charts.add(new Chart(workload + "-threads", "App threads", threads.render(), Readings.threads(sampled)));
        }
        if (Tables.sampledDownstream(runs)) {
            var downstream = new SvgChart(workload + ": downstream CPU vs users", USERS, "downstream CPU, % of one core", false);
            runs.forEach(r -> downstream.add(series(r, colors, l -> l.downstreamCpuShare() == null ? null : l.downstreamCpuShare() * 100)));
            charts.add(new Chart(workload + "-downstream-cpu", "Downstream CPU", downstream.render(), Readings.downstreamCpu(runs)));
        }
        List<RunResult> scraped = runs.stream().filter(r -> r.levels().stream().anyMatch(l -> l.metrics() != null
                && l.metrics().gcPauseShare() != null)).toList();
        if (!scraped.isEmpty()) {
            var gc = new SvgChart(workload + ": GC pause share vs users", USERS, "GC pauses, % of the window", false);
            scraped.forEach(r -> gc.add(series(r, colors, l -> metric(l, m -> m.gcPauseShare() == null ? null : m.gcPauseShare() * 100))));
            charts.add(new Chart(workload + "-gc", "GC share", gc.render(), Readings.gcShare(scraped)));
        }
        List<RunResult> pooled = runs.stream().filter(r -> r.levels().stream().anyMatch(l -> l.metrics() != null
                && l.metrics().poolAcquires() != null && l.metrics().poolAcquires() > 0)).toList();
        if (!pooled.isEmpty()) {
            var pool = new SvgChart(workload + ": wait for a pooled connection vs users", USERS,
                    "connection wait p99 (ms, bucket bound, log)", true);
            pooled.forEach(r -> pool.add(series(r, colors, l -> metric(l, m -> m.poolAcquires() == null || m.poolAcquires() == 0
                    || m.poolAcquireP99Ms() == null || m.poolAcquireP99Ms().isInfinite() ? null : Math.max(m.poolAcquireP99Ms(), 1)))));
            charts.add(new Chart(workload + "-pool-wait", "Pool wait", pool.render(), Readings.poolWait(pooled)));
        }
        return charts;
    }

    private static Chart latencyChart(String workload, List<RunResult> runs, Map<String, String> colors, String name,
                                      Function<dev.slowfast.loadtest.results.Latency, Double> percentile) {
        var chart = new SvgChart(workload + ": " + name + " latency vs users", USERS, name + " latency (ms, log)", true);
        runs.forEach(r -> chart.add(series(r, colors, l -> l.latencyMs() == null ? null : percentile.apply(l.latencyMs()))));
        return new Chart(workload + "-" + name, name + " latency", chart.render(), Readings.latency(runs, name, percentile));
    }

    private static Double metric(LevelResult level, Function<LevelMetrics, Double> value) {
        return level.metrics() == null || level.metrics().seconds() == null ? null : value.apply(level.metrics());
    }

    static Double requestP99(LevelResult level, String request) {
        RequestResult r = level.requests().get(request);
        return r == null || r.latencyMs() == null ? null : r.latencyMs().p99();
    }

    private static SvgChart.Series series(RunResult run, Map<String, String> colors, Function<LevelResult, Double> value) {
        var points = run.levels().stream()
                .filter(l -> value.apply(l) != null)
                .map(l -> new SvgChart.Point(l.users(), value.apply(l)))
                .toList();
        return new SvgChart.Series(run.variant(), colors.getOrDefault(run.variant(), "#333"), false, points);
    }

    /** One dashed line per distinct bound (an uncapped variant and a 200-thread one differ). */
    private static List<SvgChart.Series> boundSeries(List<RunResult> runs) {
        var bounds = new LinkedHashMap<List<Double>, RunResult>();
        for (RunResult run : runs) {
            List<Double> values = run.levels().stream().map(LevelResult::boundRps).toList();
            if (values.stream().allMatch(Objects::nonNull)) {
                bounds.putIfAbsent(values, run);
            }
        }
        var series = new ArrayList<SvgChart.Series>();
        for (var entry : bounds.entrySet()) {
            RunResult run = entry.getValue();
            String limit = run.levels().stream().map(LevelResult::boundLimit).filter(Objects::nonNull).findFirst()
                    .map(l -> "bound, " + l).orElse("bound: users ÷ delay");
            var points = run.levels().stream().map(l -> new SvgChart.Point(l.users(), l.boundRps())).toList();
            series.add(new SvgChart.Series(limit, "#888", true, points));
        }
        return series;
    }

    private static Map<String, String> colors(ScalingResults results) {
        var colors = new LinkedHashMap<String, String>();
        results.provenance().variants().forEach(v -> colors.put(v.name(), PALETTE[colors.size() % PALETTE.length]));
        results.runs().forEach(r -> colors.putIfAbsent(r.variant(), PALETTE[colors.size() % PALETTE.length]));
        return colors;
    }
}
