package dev.slowfast.loadtest.run;

import dev.slowfast.loadtest.report.ReportWriter;
import dev.slowfast.loadtest.report.Targets;
import dev.slowfast.loadtest.results.LevelMeasurement;
import dev.slowfast.loadtest.results.LevelResult;
import dev.slowfast.loadtest.results.RunResult;
import dev.slowfast.loadtest.results.ScalingResults;
import dev.slowfast.loadtest.results.Skipped;
import dev.slowfast.loadtest.simulations.SimulationParameters;
import dev.slowfast.loadtest.simulations.StairSchedule;
import dev.slowfast.testkit.AppProcess;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;

/**
 * The main job: for every variant and workload, start the app in its own JVM, wait for /health, warm
 * it up, run the Gatling simulation while sampling the app's process, stop the app with SIGTERM;
 * then write the report. A variant whose jar is missing, or a database workload without a database,
 * is skipped with the reason in the report rather than failing the whole run. A downstream workload
 * also starts a downstream process for each run (pinned with Gatling, sampled like the app) and is
 * skipped, with the command that builds it, when its jar is missing; a level whose sockets would not
 * fit in the open-files limit is listed as not run, with the arithmetic.
 */
public final class ScalingRun {

    /** A cold JVM on one pinned core, next to a busy machine, can take long to answer /health. */
    private static final Duration APP_START_LIMIT = Duration.ofSeconds(120);
    private static final Duration APP_STOP_GRACE = Duration.ofSeconds(20);

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
        boolean downstreamMissing = !external && !Files.isRegularFile(settings.downstreamJar());
        for (Workload workload : settings.workloads()) {
            if (workload.usesDownstream() && downstreamMissing) {
                skipped.add(new Skipped("*", workload.id(), "downstream jar not found: "
                        + settings.repoRoot().relativize(settings.downstreamJar()) + " (build it with " + DownstreamService.BUILD + ")"));
                console.println("SKIP " + workload.id() + ": " + skipped.getLast().reason());
            }
        }
        try (RunDatabase database = external ? RunDatabase.unmanaged()
                : RunDatabase.find(System.getenv("DATABASE_URL"), databaseNeeded)) {
            console.println("database: " + database.source());
            var toRun = new ArrayList<PlannedRun>();
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
                    if (workload.usesDownstream() && downstreamMissing) {
                        continue; // skipped once for every variant, above
                    }
                    LevelPlan plan = variant.isExternal() ? new LevelPlan(settings.levels(), List.of()) : settings.levelsFor(workload);
                    plan.notRun().forEach(n -> console.println("NOT RUN " + variant.name() + " × " + workload.id() + " at "
                            + n.users() + " users: " + n.reason()));
                    if (plan.levels().isEmpty()) {
                        skipped.add(new Skipped(variant.name(), workload.id(), "no level fits: "
                                + plan.notRun().getFirst().reason()));
                        continue;
                    }
                    toRun.add(new PlannedRun(variant, workload, plan));
                }
            }
            var progress = new RunProgress(toRun.stream().map(this::planned).toList(), Clock.systemUTC());
            for (PlannedRun planned : toRun) {
                console.println("     " + progress.start());
                runs.add(runOne(planned.variant(), planned.workload(), planned.plan(), pinning, database));
                progress.finish();
            }
            Instant finished = Instant.now();
            var provenance = RunProvenance.of(settings, started, finished, pinning, database.source());
            var compared = Variants.ALL.stream().map(v -> RunProvenance.variant(settings, v)).toList();
            var results = new ScalingResults(provenance, skipped, runs, List.of());
            results = new ScalingResults(provenance, skipped, runs, Targets.evaluate(results, compared));
            ReportWriter.write(settings.reportDir(), results);
            console.println("report: " + settings.reportDir().resolve("index.html"));
            return results;
        }
    }

    private record PlannedRun(Variant variant, Workload workload, LevelPlan plan) {
    }

    /** How long one run should take: its warm-up and stair (the schedule {@link #measure} gives Gatling), and a start. */
    private Duration planned(PlannedRun run) {
        long stairMs = new StairSchedule(run.plan().levels(), settings.leadInMs(), settings.stepMs(), settings.rampMs(),
                settings.settleMsFor(run.workload())).totalMs();
        return RunProgress.plannedRun(run.variant().isExternal() ? 0 : settings.warmupSeconds(), stairMs);
    }

    private RunResult runOne(Variant variant, Workload workload, LevelPlan plan, CpuPinning pinning, RunDatabase database) {
        String id = variant.name().replaceAll("[^A-Za-z0-9._-]", "_") + "-" + workload.id();
        Path logs = settings.reportDir().resolve("logs");
        Path appLog = logs.resolve(id + "-app.log");
        Path gatlingLog = logs.resolve(id + "-gatling.log");
        Path downstreamLog = logs.resolve(id + "-downstream.log");
        boolean startsDownstream = workload.usesDownstream() && !variant.isExternal();
        long delayMs = settings.delayMsFor(workload);
        console.println("RUN  " + variant.name() + " × " + workload.id());
        try {
            Files.createDirectories(logs);
            if (variant.isExternal()) {
                return measure(variant, workload, plan, variant.baseUrl(), null, null, pinning, appLog, gatlingLog, id);
            }
            try (DownstreamService downstream = startsDownstream ? DownstreamService.start(settings.downstreamJar(),
                    pinning.generatorCpus(), settings.appJvmOptions(), downstreamLog) : null) {
                RunResult result = runApp(variant, workload, plan, downstream, pinning, database, logs, appLog, gatlingLog, id);
                return downstream == null ? result : withDownstream(result, relative(downstreamLog) + ", pinned with Gatling"
                        + (pinning.generatorCpus() == null ? "" : " on CPU " + pinning.generatorCpus())
                        + "; GET /stats after the run (" + result.downstream() + "): " + downstream.stats());
            }
        } catch (Exception e) {
            console.println("FAIL " + variant.name() + " × " + workload.id() + ": " + e.getMessage());
            return RunResult.failed(variant.name(), workload.id(), delayMs, String.valueOf(e.getMessage()),
                    relative(appLog), relative(gatlingLog), startsDownstream ? relative(downstreamLog) : null, plan.notRun());
        }
    }

    private RunResult runApp(Variant variant, Workload workload, LevelPlan plan, DownstreamService downstream,
                             CpuPinning pinning, RunDatabase database, Path logs, Path appLog, Path gatlingLog, String id)
            throws Exception {
        var environment = new HashMap<>(variant.environment());
        environment.put("DB_POOL_SIZE", String.valueOf(settings.dbPoolSize()));
        environment.putAll(workload.environment());
        Path jfr = logs.resolve(id + ".jfr");
        var jvmOptions = new ArrayList<>(settings.appJvmOptions());
        if (settings.jfr()) {
            Files.deleteIfExists(jfr);
            jvmOptions.add("-XX:StartFlightRecording=filename=" + jfr + ",settings=default,dumponexit=true");
        }
        if (database.available()) {
            environment.put("DATABASE_URL", database.url());
        }
        if (downstream != null) {
            environment.put("DOWNSTREAM_URL", downstream.baseUri().toString());
            environment.put("DOWNSTREAM_POOL_SIZE", String.valueOf(settings.downstreamPoolSize()));
        }
        try (AppProcess app = AppProcess.launcher(settings.jarOf(variant))
                .commandPrefix(Launch.prefix(pinning.appCpus()))
                .jvmOptions(jvmOptions)
                .env(environment)
                .log(appLog)
                .stopGrace(APP_STOP_GRACE)
                .start()
                .awaitHealthy(APP_START_LIMIT)) {
            RunResult result = measure(variant, workload, plan, app.baseUri().toString(), app, downstream, pinning,
                    appLog, gatlingLog, id);
            return settings.jfr() ? withJfr(result, jfr) : result;
        }
    }

    private RunResult measure(Variant variant, Workload workload, LevelPlan plan, String baseUrl, AppProcess app,
                              DownstreamService downstream, CpuPinning pinning, Path appLog, Path gatlingLog, String id)
            throws Exception {
        long delayMs = settings.delayMsFor(workload);
        var warmup = Warmup.run(client, baseUrl, workload.warmupPaths(),
                Duration.ofMillis(Math.round(settings.warmupSeconds() * 1000)));
        // what downstream's /stats will cover; runOne adds the process's own facts to it
        String counted = downstream == null ? null : downstream.reset() ? "counted from the end of the warm-up"
                : "POST /reset refused, so the warm-up is counted too";
        var schedule = new StairSchedule(plan.levels(), settings.leadInMs(), settings.stepMs(), settings.rampMs(), settings.settleMsFor(workload));
        var parameters = new SimulationParameters(baseUrl, schedule, delayMs,
                settings.reportDir().resolve("measurements").resolve(id + ".json"));
        String description = variant.name() + " × " + workload.id() + ", levels " + plan.levels();
        Path gatlingResults = settings.reportDir().resolve("gatling").resolve(id);

        GatlingProcess.Outcome outcome;
        List<ProcessSample> samples = List.of();
        List<ProcessSample> downstreamSamples = List.of();
        String openFilesLimit = null;
        Scraping scraping = Scraping.start(baseUrl, workload);
        try {
            if (app == null) {
                outcome = GatlingProcess.run(settings, pinning.generatorCpus(), workload, parameters, gatlingResults, gatlingLog, description);
            } else {
                openFilesLimit = ProcessSampler.openFilesLimit(app.pid());
                try (var sampler = new ProcessSampler(app.pid());
                     var downstreamSampler = downstream == null ? null : new ProcessSampler(downstream.pid())) {
                    outcome = GatlingProcess.run(settings, pinning.generatorCpus(), workload, parameters, gatlingResults, gatlingLog, description);
                    sampler.close();
                    samples = sampler.samples();
                    if (downstreamSampler != null) {
                        downstreamSampler.close();
                        downstreamSamples = downstreamSampler.samples();
                    }
                }
            }
        } finally {
            scraping.close();
        }
        if (app != null) {
            app.close();
        }
        var levels = new ArrayList<LevelResult>();
        for (LevelMeasurement level : outcome.measurement().levels()) {
            levels.add(LevelResults.of(level, samples, downstreamSamples, outcome.generatorSamples(),
                    app == null ? 0 : pinning.generatorCores(), scraping.scrapes(), workload, delayMs,
                    variant.concurrencyCap(), settings.dbPoolSize(), settings.downstreamPoolSize()));
        }
        Double vmHwmMb = samples.isEmpty() ? null : samples.getLast().hwmKb() / 1024.0;
        levels.forEach(level -> console.println(summary(level)));
        return new RunResult(variant.name(), workload.id(), delayMs, null,
                outcome.htmlReport().map(this::relative).orElse(null), app == null ? null : relative(appLog),
                relative(gatlingLog), openFilesLimit, vmHwmMb, app == null ? null : app.stopDescription(),
                warmup.requests() + " requests over " + settings.warmupSeconds() + " s, " + warmup.failures() + " failed",
                scraping.description(), null, app == null ? null : AppLogErrors.of(appLog), levels, counted, plan.notRun());
    }

    /** The JFR file the app wrote when it exited, or why there is none (a killed JVM writes nothing). */
    private RunResult withJfr(RunResult result, Path jfr) throws IOException {
        String recording = Files.isRegularFile(jfr) && Files.size(jfr) > 0 ? relative(jfr)
                : "no recording: the app did not write " + relative(jfr) + " (" + result.appStop() + ")";
        return new RunResult(result.variant(), result.workload(), result.delayMs(), result.failure(), result.gatlingReport(),
                result.appLog(), result.gatlingLog(), result.appOpenFilesLimit(), result.vmHwmMb(), result.appStop(),
                result.warmup(), result.metricsScrapes(), recording, result.appErrors(), result.levels(), result.downstream(),
                result.levelsNotRun());
    }

    /** The run with what its downstream process did (its stop comes after the app's, so it is added here). */
    private static RunResult withDownstream(RunResult result, String downstream) {
        return new RunResult(result.variant(), result.workload(), result.delayMs(), result.failure(), result.gatlingReport(),
                result.appLog(), result.gatlingLog(), result.appOpenFilesLimit(), result.vmHwmMb(), result.appStop(),
                result.warmup(), result.metricsScrapes(), result.jfrRecording(), result.appErrors(), result.levels(), downstream,
                result.levelsNotRun());
    }

    private static String summary(LevelResult level) {
        return String.format(Locale.ROOT, "     %6d users %9.1f req/s%s  p50 %8.1f ms  p99 %8.1f ms  errors %d%s",
                level.users(), level.throughputRps(),
                level.boundRps() == null ? "" : String.format(Locale.ROOT, " (bound %.0f)", level.boundRps()),
                level.latencyMs() == null ? Double.NaN : level.latencyMs().p50(),
                level.latencyMs() == null ? Double.NaN : level.latencyMs().p99(),
                level.errors().total(),
                level.downstreamCpuSeconds() == null ? "" : String.format(Locale.ROOT, "  downstream CPU %.0f%%%s",
                        level.downstreamCpuShare() * 100, level.boundByDownstream() ? " DOWNSTREAM-BOUND" : ""))
                + (level.boundByGenerator() ? "  GENERATOR-BOUND" : "");
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
