package dev.slowfast.loadtest.report;

import dev.slowfast.loadtest.results.LevelMetrics;
import dev.slowfast.loadtest.results.LevelResult;
import dev.slowfast.loadtest.results.Provenance;
import dev.slowfast.loadtest.results.RequestResult;
import dev.slowfast.loadtest.results.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The figures tables of the report as rows of plain cells. */
final class Tables {

    static final List<String> LEVEL_HEADER = List.of("variant", "users", "req/s", "bound", "of bound", "p50 ms", "p90 ms",
            "p99 ms", "max ms", "errors status/timeout/conn", "CPU s", "peak RSS MB", "threads", "open files");
    static final List<String> WHY_HEADER = List.of("variant", "users", "CPU of a core", "GC pauses", "GC concurrent",
            "heap peak", "old gen after GC", "in flight (peak)", "shed", "waiting for a thread (peak)",
            "waiting for a connection (peak)", "connection wait p99", "event-loop delay p99", "pinned", "scrapes ok / failed");
    static final List<String> REQUEST_HEADER = List.of("variant", "users", "request", "req/s", "p50 ms", "p99 ms", "max ms",
            "errors status/timeout/conn");

    static final String DOWNSTREAM_CPU = "downstream CPU s (of a core)";
    static final String GENERATOR_CPU = "Gatling CPU s";

    private Tables() {
    }

    /** The figures header; with a downstream column where a downstream process was sampled, a Gatling one where Gatling was. */
    static List<String> levelHeader(List<RunResult> runs) {
        var header = new ArrayList<>(LEVEL_HEADER);
        if (sampledDownstream(runs)) {
            header.add(DOWNSTREAM_CPU);
        }
        if (sampledGenerator(runs)) {
            header.add(GENERATOR_CPU);
        }
        return header;
    }

    static boolean sampledGenerator(List<RunResult> runs) {
        return runs.stream().flatMap(r -> r.levels().stream()).anyMatch(l -> l.generatorCpuSeconds() != null);
    }

    static boolean sampledDownstream(List<RunResult> runs) {
        return runs.stream().flatMap(r -> r.levels().stream()).anyMatch(l -> l.downstreamCpuSeconds() != null);
    }

    /** One row per level; a failed run and every level not run get a row that says so. */
    static List<List<String>> levels(List<RunResult> runs) {
        boolean downstream = sampledDownstream(runs);
        boolean generator = sampledGenerator(runs);
        int columns = levelHeader(runs).size();
        var rows = new ArrayList<List<String>>();
        for (RunResult run : runs) {
            if (run.failure() != null) {
                rows.add(padded(columns, run.variant(), "failed: " + run.failure().lines().findFirst().orElse("")));
            }
            for (LevelResult l : run.levels()) {
                var row = new ArrayList<>(List.of(run.variant(), String.format(Locale.ROOT, "%,d", l.users()), number(l.throughputRps()),
                        l.boundRps() == null ? "" : number(l.boundRps()) + (l.boundLimit() == null ? "" : " (" + l.boundLimit() + ")"),
                        Readings.percent(l.boundRatio()).replace("n/a", ""),
                        l.latencyMs() == null ? "" : number(l.latencyMs().p50()),
                        l.latencyMs() == null ? "" : number(l.latencyMs().p90()),
                        l.latencyMs() == null ? "" : number(l.latencyMs().p99()),
                        l.latencyMs() == null ? "" : number(l.latencyMs().max()),
                        l.errors().status() + " / " + l.errors().timeout() + " / " + l.errors().connection(),
                        l.cpuSeconds() == null ? "" : String.format(Locale.ROOT, "%.2f", l.cpuSeconds()),
                        l.peakRssMb() == null ? "" : String.format(Locale.ROOT, "%.0f", l.peakRssMb()),
                        l.threads() == null ? "" : String.valueOf(l.threads()),
                        l.openFiles() == null ? "" : String.valueOf(l.openFiles())));
                if (downstream) {
                    row.add(downstreamCpu(l));
                }
                if (generator) {
                    row.add(l.generatorCpuSeconds() == null ? "" : String.format(Locale.ROOT, "%.2f", l.generatorCpuSeconds())
                            + (l.boundByGenerator() ? " generator-bound" : ""));
                }
                rows.add(row);
            }
            run.levelsNotRun().forEach(n -> rows.add(padded(columns, run.variant(),
                    String.format(Locale.ROOT, "%,d: not run (%s)", n.users(), n.reason()))));
        }
        return rows;
    }

    /** "0.45 (6%)", or "7.60 (95%) downstream-bound" where the point measures downstream. */
    static String downstreamCpu(LevelResult l) {
        if (l.downstreamCpuSeconds() == null) {
            return "";
        }
        return String.format(Locale.ROOT, "%.2f (%s)", l.downstreamCpuSeconds(), Readings.percent(l.downstreamCpuShare()))
                + (l.boundByDownstream() ? " downstream-bound" : "");
    }

    private static List<String> padded(int columns, String variant, String users) {
        var row = new ArrayList<>(List.of(variant, users));
        while (row.size() < columns) {
            row.add("");
        }
        return row;
    }

    /** What the app's own /metrics said at each level: the figures a bend is explained with. */
    static List<List<String>> why(List<RunResult> runs) {
        var rows = new ArrayList<List<String>>();
        for (RunResult run : runs) {
            for (LevelResult l : run.levels()) {
                LevelMetrics m = l.metrics();
                if (m == null) {
                    continue;
                }
                String users = String.format(Locale.ROOT, "%,d", l.users());
                if (m.seconds() == null) {
                    rows.add(List.of(run.variant(), users, cell(Causes.cpuShare(l)), m.note(), "", "", "", "", "", "", "", "", "", "",
                            "0 / " + m.failedScrapes()));
                    continue;
                }
                rows.add(List.of(run.variant(), users, cell(Causes.cpuShare(l)), cell(m.gcPauseShare()), cell(m.gcConcurrentShare()),
                        cell(m.heapPeakShare()), cell(m.heapAfterGcPeak()), count(m.inFlightPeak()), count(m.shed()),
                        count(m.waitingForThreadPeak()), count(m.poolPendingPeak()),
                        m.poolAcquires() == null || m.poolAcquires() == 0 ? "" : Causes.bucketMs(m.poolAcquireP99Ms()),
                        m.eventLoopDelayP99Ms() == null ? "" : Causes.bucketMs(m.eventLoopDelayP99Ms()),
                        count(m.pinned()), m.scrapes() + " / " + m.failedScrapes()));
            }
        }
        return rows;
    }

    private static String cell(Double share) {
        return share == null ? "" : Readings.percent(share);
    }

    private static String count(Number value) {
        return value == null ? "" : String.format(Locale.ROOT, "%,.0f", value.doubleValue());
    }

    /** Per request kind, for workloads with more than one (mixed, contacts). */
    static List<List<String>> requests(List<RunResult> runs) {
        var rows = new ArrayList<List<String>>();
        for (RunResult run : runs) {
            for (LevelResult l : run.levels()) {
                if (l.requests().size() < 2) {
                    continue;
                }
                for (Map.Entry<String, RequestResult> e : l.requests().entrySet()) {
                    RequestResult r = e.getValue();
                    rows.add(List.of(run.variant(), String.format(Locale.ROOT, "%,d", l.users()), e.getKey(), number(r.throughputRps()),
                            r.latencyMs() == null ? "" : number(r.latencyMs().p50()),
                            r.latencyMs() == null ? "" : number(r.latencyMs().p99()),
                            r.latencyMs() == null ? "" : number(r.latencyMs().max()),
                            r.errors().status() + " / " + r.errors().timeout() + " / " + r.errors().connection()));
                }
            }
        }
        return rows;
    }

    static List<List<String>> provenance(Provenance p) {
        var t = p.timing();
        var m = p.machine();
        var j = p.jvms();
        var s = p.settings();
        var rows = new ArrayList<List<String>>();
        rows.add(List.of("profile", p.profile()));
        rows.add(List.of("started / finished", t.startedAt() + " / " + t.finishedAt() + String.format(Locale.ROOT, " (%.0f s)", t.durationSeconds())));
        rows.add(List.of("git commit", p.git().commit() + (p.git().workingTreeDirty() ? " (working tree had uncommitted changes)" : "")));
        rows.add(List.of("JDK", j.jdk()));
        rows.add(List.of("OS", m.os()));
        rows.add(List.of("CPU", m.cores() + " cores, " + m.cpuModel()));
        rows.add(List.of("memory", m.memoryMb() + " MB"));
        rows.add(List.of("CPU pinning", m.cpuPinning()));
        rows.add(List.of("open files", m.openFiles() + (m.openFilesLimit() == null ? ""
                : String.format(Locale.ROOT, "; limit per child process %,d, which sets the levels a workload can run", m.openFilesLimit()))));
        rows.add(List.of("app JVM options (all variants)", String.join(" ", j.appJvmOptions())));
        rows.add(List.of("Gatling", j.gatlingVersion() + ", JVM options " + String.join(" ", j.gatlingJvmOptions())));
        rows.add(List.of("database", p.database()));
        rows.add(List.of("levels", s.levels().toString()));
        if (s.levelsByWorkload() != null) {
            s.levelsByWorkload().forEach((workload, levels) -> {
                if (!levels.equals(s.levels())) {
                    rows.add(List.of("levels of " + workload, levels + " (the others do not fit the open-files limit)"));
                }
            });
        }
        if (s.downstream() != null) {
            rows.add(List.of("downstream", s.downstream()));
        }
        rows.add(List.of("step / ramp", s.stepSeconds() + " s / " + s.rampSeconds() + " s; settle before measuring " + s.settleMsByWorkload() + " ms"));
        rows.add(List.of("delays", "/slow " + s.delayMs() + " ms, /slow/db " + s.dbDelayMs() + " ms; DB_POOL_SIZE " + s.dbPoolSize()));
        rows.add(List.of("warm-up", s.warmupSeconds() + " s per app start"));
        p.variants().forEach(v -> rows.add(List.of("variant " + v.name(), v.description() + "; " + v.jar() + " " + v.environment()
                + (v.concurrencyCap() == null ? "" : "; cap " + v.concurrencyCap()))));
        return rows;
    }

    static String number(double v) {
        if (v >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return String.format(Locale.ROOT, v >= 10 ? "%.1f" : "%.2f", v);
    }
}
