package dev.slowfast.loadtest.run;

import dev.slowfast.loadtest.SimulationParameters;
import dev.slowfast.loadtest.StairSchedule;
import dev.slowfast.loadtest.report.ReportWriter;
import dev.slowfast.loadtest.report.Targets;
import dev.slowfast.loadtest.results.LevelMeasurement;
import dev.slowfast.loadtest.results.LevelResult;
import dev.slowfast.loadtest.results.Provenance;
import dev.slowfast.loadtest.results.RunResult;
import dev.slowfast.loadtest.results.ScalingResults;
import dev.slowfast.loadtest.results.Skipped;
import dev.slowfast.loadtest.results.VariantSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The main job: for every variant and workload, start the app in its own JVM, wait for /health, warm
 * it up, run the Gatling simulation while sampling the app's process, stop the app with SIGTERM;
 * then write the report. A variant whose jar is missing, or a database workload without a database,
 * is skipped with the reason in the report rather than failing the whole run.
 */
public final class ScalingRun {

    private final RunSettings settings;
    private final PrintStream console;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();

    public ScalingRun(RunSettings settings, PrintStream console) {
        this.settings = settings;
        this.console = console;
    }

    /** Runs everything and writes the report; returns what results.json holds. */
    public ScalingResults run() throws Exception {
        Instant started = Instant.now();
        boolean external = settings.variants().stream().anyMatch(Variant::isExternal);
        CpuPinning pinning = CpuPinning.detect(settings.pinCpus() && !external);
        clearPreviousReport();
        console.println("scaling report: profile " + settings.profile() + ", levels " + settings.levels()
                + ", workloads " + settings.workloads().stream().map(Workload::id).toList() + " -> " + settings.reportDir());
        console.println("CPU pinning: " + pinning.description());

        var skipped = new ArrayList<Skipped>();
        var runs = new ArrayList<RunResult>();
        boolean databaseNeeded = settings.workloads().stream().anyMatch(Workload::needsDatabase);
        try (Database database = external
                ? new Database(null, "not managed: the external server uses its own", () -> { })
                : Database.find(System.getenv("DATABASE_URL"), databaseNeeded)) {
            console.println("database: " + database.source());
            for (Variant variant : settings.variants()) {
                if (!variant.isExternal() && !Files.isRegularFile(settings.jarOf(variant))) {
                    skipped.add(new Skipped(variant.name(), "*", "jar not found: " + settings.repoRoot().relativize(settings.jarOf(variant))
                            + " (build it with ./mvnw -pl " + variant.module() + " -am package -DskipTests)"));
                    console.println("SKIP " + variant.name() + ": " + skipped.getLast().reason());
                    continue;
                }
                for (Workload workload : settings.workloads()) {
                    if (workload.needsDatabase() && !variant.isExternal() && !database.available()) {
                        skipped.add(new Skipped(variant.name(), workload.id(), "no database: " + database.source()));
                        console.println("SKIP " + variant.name() + " " + workload.id() + ": " + skipped.getLast().reason());
                        continue;
                    }
                    runs.add(runOne(variant, workload, pinning, database));
                }
            }
            Instant finished = Instant.now();
            var results = new ScalingResults(provenance(started, finished, pinning, database), skipped, runs, List.of());
            results = new ScalingResults(results.provenance(), skipped, runs, Targets.evaluate(results));
            ReportWriter.write(settings.reportDir(), results);
            console.println("report: " + settings.reportDir().resolve("index.html"));
            return results;
        }
    }

    private RunResult runOne(Variant variant, Workload workload, CpuPinning pinning, Database database) {
        String id = variant.name().replaceAll("[^A-Za-z0-9._-]", "_") + "-" + workload.id();
        Path logs = settings.reportDir().resolve("logs");
        Path appLog = logs.resolve(id + "-app.log");
        Path gatlingLog = logs.resolve(id + "-gatling.log");
        long delayMs = settings.delayMsFor(workload);
        console.println("RUN  " + variant.name() + " × " + workload.id());
        try {
            Files.createDirectories(logs);
            if (variant.isExternal()) {
                return measure(variant, workload, variant.baseUrl(), null, pinning, appLog, gatlingLog, id);
            }
            var environment = new HashMap<>(variant.environment());
            environment.put("DB_POOL_SIZE", String.valueOf(settings.dbPoolSize()));
            if (database.available()) {
                environment.put("DATABASE_URL", database.url());
            }
            try (AppProcess app = AppProcess.start(settings.jarOf(variant), settings.appJvmOptions(), environment,
                    pinning.appCpus(), appLog)) {
                app.awaitHealthy(client);
                return measure(variant, workload, app.baseUrl(), app, pinning, appLog, gatlingLog, id);
            }
        } catch (Exception e) {
            console.println("FAIL " + variant.name() + " × " + workload.id() + ": " + e.getMessage());
            return RunResult.failed(variant.name(), workload.id(), delayMs, String.valueOf(e.getMessage()),
                    relative(appLog), relative(gatlingLog));
        }
    }

    private RunResult measure(Variant variant, Workload workload, String baseUrl, AppProcess app, CpuPinning pinning,
                              Path appLog, Path gatlingLog, String id) throws Exception {
        long delayMs = settings.delayMsFor(workload);
        var warmup = Warmup.run(client, baseUrl, workload.warmupPaths(),
                Duration.ofMillis(Math.round(settings.warmupSeconds() * 1000)));
        var schedule = new StairSchedule(settings.levels(), settings.leadInMs(), settings.stepMs(), settings.rampMs(), settings.settleMsFor(workload));
        var parameters = new SimulationParameters(baseUrl, schedule, delayMs,
                settings.reportDir().resolve("measurements").resolve(id + ".json"));
        String description = variant.name() + " × " + workload.id() + ", levels " + settings.levels();
        Path gatlingResults = settings.reportDir().resolve("gatling").resolve(id);

        GatlingProcess.Outcome outcome;
        List<ProcessSample> samples = List.of();
        String openFilesLimit = null;
        if (app == null) {
            outcome = GatlingProcess.run(settings, pinning.generatorCpus(), workload, parameters, gatlingResults, gatlingLog, description);
        } else {
            openFilesLimit = ProcessSampler.openFilesLimit(app.pid());
            try (var sampler = new ProcessSampler(app.pid())) {
                outcome = GatlingProcess.run(settings, pinning.generatorCpus(), workload, parameters, gatlingResults, gatlingLog, description);
                sampler.close();
                samples = sampler.samples();
            }
            app.close();
        }
        var levels = new ArrayList<LevelResult>();
        for (LevelMeasurement level : outcome.measurement().levels()) {
            levels.add(LevelResults.of(level, samples, workload, delayMs, variant.concurrencyCap(), settings.dbPoolSize()));
        }
        Double vmHwmMb = samples.isEmpty() ? null : samples.getLast().hwmKb() / 1024.0;
        levels.forEach(level -> console.println(summary(level)));
        return new RunResult(variant.name(), workload.id(), delayMs, null,
                outcome.htmlReport().map(this::relative).orElse(null), app == null ? null : relative(appLog),
                relative(gatlingLog), openFilesLimit, vmHwmMb, app == null ? null : app.stopDescription(),
                warmup.requests() + " requests over " + settings.warmupSeconds() + " s, " + warmup.failures() + " failed",
                levels);
    }

    private static String summary(LevelResult level) {
        return String.format(Locale.ROOT, "     %6d users %9.1f req/s%s  p50 %8.1f ms  p99 %8.1f ms  errors %d",
                level.users(), level.throughputRps(),
                level.boundRps() == null ? "" : String.format(Locale.ROOT, " (bound %.0f)", level.boundRps()),
                level.latencyMs() == null ? Double.NaN : level.latencyMs().p50(),
                level.latencyMs() == null ? Double.NaN : level.latencyMs().p99(),
                level.errors().total());
    }

    private Provenance provenance(Instant started, Instant finished, CpuPinning pinning, Database database) {
        var variants = settings.variants().stream().map(v -> new VariantSettings(v.name(), v.module(),
                v.isExternal() ? v.baseUrl() : settings.repoRoot().relativize(settings.jarOf(v)).toString(),
                new LinkedHashMap<>(v.environment()), v.concurrencyCap().isPresent() ? v.concurrencyCap().getAsInt() : null,
                v.description())).toList();
        Map<String, Long> settle = new LinkedHashMap<>();
        settings.workloads().forEach(w -> settle.put(w.id(), settings.settleMsFor(w)));
        return new Provenance(started.toString(), finished.toString(),
                Duration.between(started, finished).toMillis() / 1000.0, settings.profile(),
                ProvenanceFacts.gitCommit(settings.repoRoot()), ProvenanceFacts.gitDirty(settings.repoRoot()),
                ProvenanceFacts.jdk(), ProvenanceFacts.os(), Runtime.getRuntime().availableProcessors(),
                ProvenanceFacts.cpuModel(), ProvenanceFacts.memoryMb(),
                ProvenanceFacts.gatlingVersion(settings.gatlingClasspath()),
                settings.appJvmOptions(), settings.gatlingJvmOptions(), pinning.description(),
                "app and Gatling are started through bash -c 'ulimit -n " + Launch.WANTED_OPEN_FILES
                        + " || ulimit -n <hard limit>' so 10,000 sockets fit; each run records the limit the app got",
                database.source(), settings.workloads().stream().map(Workload::id).toList(), settings.levels(),
                settings.stepSeconds(), settings.rampSeconds(), settle, settings.delayMs(), settings.dbDelayMs(),
                settings.warmupSeconds(), settings.dbPoolSize(), variants, method());
    }

    private List<String> method() {
        return List.of(
                "Closed model: each level holds a fixed number of concurrent users (Gatling constantConcurrentUsers), each sending its next request as soon as the previous one answers, until the level ends. Levels are stair steps of "
                        + settings.stepSeconds() + " s, joined by ramps of " + settings.rampSeconds() + " s; the first level starts with an unmeasured lead-in of " + settings.leadInMs() / 1000.0 + " s so Gatling's own JVM is warm.",
                "Measured by the simulation itself with HdrHistogram (not from Gatling's report): latency of successful requests completed in the steady window of each level, i.e. the step minus a settling time of one delay + 250 ms (at most half the step).",
                "Throughput = successful requests completed in the window ÷ window length. Errors are counted over the whole level, ramp included: status (unexpected HTTP status), timeout (no answer within Gatling's " + GatlingProcess.REQUEST_TIMEOUT_MS / 1000 + " s), connection (refused, reset or closed).",
                "Little's-law bound = users ÷ delay (×2 for mixed, whose /fast half takes ~0 s), with users capped by a variant's worker threads and, for database workloads, by the pool of " + settings.dbPoolSize() + " connections.",
                "App process sampled every 250 ms from /proc: CPU seconds (utime+stime) over the window, peak VmRSS and most live threads during the level, open file descriptors once a second.",
                "Each variant × workload gets a fresh app JVM with identical JVM options, " + settings.warmupSeconds() + " s of warm-up requests, then the measured run; the app is stopped with SIGTERM.");
    }

    /** Removes what an earlier run wrote (only our own files: the directory may be shared). */
    private void clearPreviousReport() throws IOException {
        Path dir = settings.reportDir();
        Files.createDirectories(dir);
        for (String name : List.of("charts", "gatling", "logs", "measurements", "results.json", "report.md", "index.html")) {
            Path old = dir.resolve(name);
            if (Files.exists(old)) {
                try (var paths = Files.walk(old)) {
                    for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
        }
    }

    private String relative(Path path) {
        return settings.reportDir().relativize(path).toString();
    }
}
