package dev.slowfast.loadtest.run;

import dev.slowfast.loadtest.results.LevelResult;
import dev.slowfast.loadtest.results.Provenance;
import dev.slowfast.loadtest.results.VariantSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The provenance of one run: its settings, the machine, the checkout and how it measured. */
final class RunProvenance {

    private RunProvenance() {
    }

    static Provenance of(RunSettings settings, Instant started, Instant finished, CpuPinning pinning, String database) {
        Map<String, Long> settle = new LinkedHashMap<>();
        settings.workloads().forEach(w -> settle.put(w.id(), settings.settleMsFor(w)));
        Map<String, List<Integer>> levels = new LinkedHashMap<>();
        settings.workloads().forEach(w -> levels.put(w.id(), settings.levelsFor(w).levels()));
        boolean downstream = settings.workloads().stream().anyMatch(Workload::usesDownstream);
        return new Provenance(settings.profile(),
                new Provenance.Timing(started.toString(), finished.toString(),
                        Duration.between(started, finished).toMillis() / 1000.0),
                new Provenance.Git(ProvenanceFacts.gitCommit(settings.repoRoot()), ProvenanceFacts.gitDirty(settings.repoRoot())),
                new Provenance.Machine(ProvenanceFacts.os(), Runtime.getRuntime().availableProcessors(),
                        ProvenanceFacts.cpuModel(), ProvenanceFacts.memoryMb(), pinning.description(),
                        "app and Gatling are started through bash -c 'ulimit -n " + Launch.WANTED_OPEN_FILES
                                + " || ulimit -n <hard limit>' so 10,000 sockets fit; each run records the limit the app got",
                        settings.openFilesLimit()),
                new Provenance.Jvms(ProvenanceFacts.jdk(), settings.appJvmOptions(),
                        ProvenanceFacts.gatlingVersion(settings.gatlingClasspath()), settings.gatlingJvmOptions()),
                new Provenance.Settings(settings.workloads().stream().map(Workload::id).toList(), settings.levels(),
                        settings.stepSeconds(), settings.rampSeconds(), settle, settings.delayMs(), settings.dbDelayMs(),
                        settings.warmupSeconds(), settings.dbPoolSize(), levels,
                        downstream ? settings.downstreamPoolSize() : null, downstream ? downstream(settings, pinning) : null),
                database,
                settings.variants().stream().map(v -> variant(settings, v)).toList(),
                method(settings));
    }

    static VariantSettings variant(RunSettings settings, Variant v) {
        return new VariantSettings(v.name(), v.module(),
                v.isExternal() ? v.baseUrl() : settings.repoRoot().relativize(settings.jarOf(v)).toString(),
                new LinkedHashMap<>(v.environment()), v.concurrencyCap().isPresent() ? v.concurrencyCap().getAsInt() : null,
                v.description());
    }

    private static String downstream(RunSettings settings, CpuPinning pinning) {
        return settings.repoRoot().relativize(settings.downstreamJar()) + ", a fresh process per run of "
                + settings.workloads().stream().filter(Workload::usesDownstream).map(Workload::id).toList()
                + ", JVM options " + String.join(" ", settings.appJvmOptions()) + ", pinned with Gatling"
                + (pinning.generatorCpus() == null ? " (no pinning)" : " on CPU " + pinning.generatorCpus())
                + "; each app gets DOWNSTREAM_URL of it and DOWNSTREAM_POOL_SIZE " + settings.downstreamPoolSize()
                + ", DOWNSTREAM_TIMEOUT_MS the apps' default";
    }

    private static List<String> method(RunSettings settings) {
        return List.of(
                "Closed model: each level holds a fixed number of concurrent users (Gatling constantConcurrentUsers), each sending its next request as soon as the previous one answers, until the level ends. Levels are stair steps of "
                        + settings.stepSeconds() + " s, joined by ramps of " + settings.rampSeconds() + " s; the first level starts with an unmeasured lead-in of " + settings.leadInMs() / 1000.0 + " s so Gatling's own JVM is warm.",
                "Measured by the simulation itself with HdrHistogram (not from Gatling's report): latency of successful requests completed in the steady window of each level, i.e. the step minus a settling time of one delay + 250 ms (at most half the step).",
                "Throughput = successful requests completed in the window ÷ window length. Errors are counted over the whole level, ramp included: status (unexpected HTTP status), timeout (no answer within Gatling's " + GatlingProcess.REQUEST_TIMEOUT_MS / 1000 + " s), connection (refused, reset or closed).",
                "Little's-law bound = users ÷ delay (×2 for mixed, whose /fast half takes ~0 s), with users capped by a variant's worker threads and, for database workloads, by the pool of " + settings.dbPoolSize() + " connections; for downstream workloads (http, fanout, chain: one request takes about the delay) by DOWNSTREAM_POOL_SIZE ÷ the connections one request holds at once (fanout: 10; http and chain: 1).",
                "Downstream workloads start a downstream process per run, pinned with Gatling and sampled from /proc like the app; a level where it used ≥ " + Math.round(LevelResult.DOWNSTREAM_BUSY * 100) + "% of a core in the window is marked downstream-bound: it measures downstream, not the app. The Gatling JVM is sampled too; where Gatling and downstream together used ≥ " + Math.round(LevelResult.GENERATOR_BUSY * 100) + "% of the generator's pinned cores, the level is marked generator-bound. A level whose sockets would not fit in the open-files limit of " + settings.openFilesLimit() + " per process is listed as not run, with the count.",
                "App process sampled every 250 ms from /proc: CPU seconds (utime+stime) over the window, peak VmRSS and most live threads during the level, open file descriptors once a second.",
                "The app's own GET /metrics scraped about once a second (timeout " + dev.slowfast.loadtest.metrics.MetricsScraper.TIMEOUT.toSeconds() + " s; a failed scrape is counted, never fails the run): per level, deltas between the scrapes nearest each end of the window (GC pause share, pauses, shed requests, connection waits and their p99, event-loop delay p99, pinnings) and the peaks of the gauges in between (heap, in flight, waiting for a thread or a connection). Histogram percentiles are the upper bound of the bucket that holds them.",
                "Each variant × workload gets a fresh app JVM with identical JVM options, " + settings.warmupSeconds() + " s of warm-up requests, then the measured run; the app is stopped with SIGTERM.");
    }
}
