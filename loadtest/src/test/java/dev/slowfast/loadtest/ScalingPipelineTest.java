package dev.slowfast.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slowfast.loadtest.results.Json;
import dev.slowfast.loadtest.results.LevelMetrics;
import dev.slowfast.loadtest.results.LevelResult;
import dev.slowfast.loadtest.results.RunResult;
import dev.slowfast.loadtest.results.ScalingResults;
import dev.slowfast.loadtest.run.RunSettings;
import dev.slowfast.loadtest.run.ScalingRun;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real pipeline at tiny scale: two variants from the blocking-app jar, the slow workload at 1 and
 * 10 users for 2 s each. Proves that apps start, Gatling runs, our measurements come back and the
 * report is written, and that the figures are sane against Little's law.
 */
class ScalingPipelineTest {

    private static final long DELAY_MS = 200;
    private static Path reportDir;
    private static ScalingResults results;
    private static String console;

    @BeforeAll
    static void runThePipeline() throws Exception {
        var properties = new HashMap<String, String>();
        System.getProperties().forEach((key, value) -> properties.put(key.toString(), value.toString()));
        reportDir = Path.of(properties.getOrDefault("loadtest.moduleDir", ".")).resolve("target/pipeline-test-report");
        properties.putAll(Map.of(
                "loadtest.profile", "quick",
                "loadtest.variants", "blocking-platform,blocking-virtual",
                "loadtest.workloads", "slow",
                "loadtest.levels", "1,10",
                "loadtest.stepSeconds", "2",
                "loadtest.rampSeconds", "0.5",
                "loadtest.delayMs", String.valueOf(DELAY_MS),
                "loadtest.warmupSeconds", "1",
                "loadtest.reportDir", reportDir.toString()));
        RunSettings settings = RunSettings.from(properties);
        for (var variant : settings.variants()) {
            Path jar = settings.jarOf(variant);
            assertTrue(Files.isRegularFile(jar), () -> "The pipeline test needs " + jar + " (variant " + variant.name()
                    + "). Build it first: ./mvnw -pl " + variant.module() + " -am package -DskipTests"
                    + " (a full ./mvnw verify builds it before this module).");
        }
        var out = new ByteArrayOutputStream();
        results = new ScalingRun(settings, new PrintStream(out, true, StandardCharsets.UTF_8)).run();
        console = out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void bothVariantsRanWithoutFailureOrSkip() {
        assertTrue(results.skipped().isEmpty(), () -> "skipped: " + results.skipped() + "\n" + console);
        assertEquals(List.of("blocking-platform", "blocking-virtual"), results.runs().stream().map(RunResult::variant).toList(), console);
        results.runs().forEach(run -> assertNull(run.failure(), () -> run.variant() + " failed: " + run.failure() + "\n" + console));
    }

    @Test
    void slowAtTenUsersIsWithinAQuarterOfLittlesLawBound() {
        for (RunResult run : results.runs()) {
            LevelResult ten = run.level(10);
            assertEquals(50.0, ten.boundRps(), 1e-9, "10 users ÷ 0.2 s");
            double ratio = ten.throughputRps() / ten.boundRps();
            assertTrue(ratio >= 0.75 && ratio <= 1.25, () -> run.variant() + " at 10 users: " + ten.throughputRps()
                    + " req/s against a bound of 50\n" + console);
            assertTrue(ten.latencyMs().p50() >= DELAY_MS, () -> run.variant() + ": p50 below the delay: " + ten.latencyMs());
        }
    }

    @Test
    void noRequestFailed() {
        for (RunResult run : results.runs()) {
            for (LevelResult level : run.levels()) {
                assertEquals(0, level.errors().total(), () -> run.variant() + " at " + level.users() + " users: " + level.errors());
                assertTrue(level.ok() > 0, () -> run.variant() + " at " + level.users() + " users completed nothing");
            }
        }
    }

    @Test
    void appProcessWasSampled() {
        for (RunResult run : results.runs()) {
            LevelResult ten = run.level(10);
            assertTrue(ten.cpuSeconds() != null && ten.cpuSeconds() >= 0 && ten.cpuSeconds() < ten.windowSeconds() * 2,
                    () -> run.variant() + " CPU seconds: " + ten.cpuSeconds());
            assertTrue(ten.peakRssMb() != null && ten.peakRssMb() > 20 && ten.peakRssMb() < 4096,
                    () -> run.variant() + " peak RSS: " + ten.peakRssMb());
            assertTrue(ten.threads() != null && ten.threads() > 5, () -> run.variant() + " threads: " + ten.threads());
            assertTrue(run.appStop().startsWith("stopped by SIGTERM"), () -> run.variant() + ": " + run.appStop());
            assertTrue(ten.generatorCpuSeconds() != null && ten.generatorCpuSeconds() >= 0,
                    () -> run.variant() + ": the Gatling JVM was sampled too: " + ten.generatorCpuSeconds());
            assertTrue(ten.downstreamCpuSeconds() == null && ten.downstreamBound() == null,
                    () -> run.variant() + ": slow starts no downstream");
        }
    }

    /**
     * The app's own /metrics was scraped through each level: at 10 users of /slow about 10 requests
     * (at least one, never twice as many) are in flight at a scrape, nothing is shed, no request waits for a thread
     * with 200 of them (one or two in passing), and the GC and heap figures are there.
     */
    @Test
    void theAppsMetricsWereScrapedIntoEachLevel() {
        for (RunResult run : results.runs()) {
            assertTrue(run.metricsScrapes() != null && run.metricsScrapes().startsWith("GET /metrics every"),
                    () -> run.variant() + ": " + run.metricsScrapes());
            LevelMetrics m = run.level(10).metrics();
            assertTrue(m != null && m.seconds() != null && m.seconds() > 0, () -> run.variant() + " at 10 users: " + m);
            assertEquals(0, m.failedScrapes(), () -> run.variant() + ": " + m.note());
            // a user's next request can arrive before the app has counted its previous one out: a few over 10 in passing
            assertTrue(m.inFlightPeak() >= 1 && m.inFlightPeak() <= 20, () -> run.variant() + " in flight: " + m.inFlightPeak());
            assertEquals(0L, m.shed(), run.variant() + " shed nothing");
            assertTrue(m.waitingForThreadPeak() != null && m.waitingForThreadPeak() <= 2, () -> run.variant()
                    + ": with 200 threads, 10 users do not queue for one (at most one or two in passing to an idle thread): "
                    + m.waitingForThreadPeak());
            assertTrue(m.gcPauseShare() >= 0 && m.gcPauseShare() < 1 && m.heapPeakShare() > 0 && m.heapPeakShare() <= 1,
                    () -> run.variant() + " GC and heap: " + m);
        }
    }

    @Test
    void reportFilesExistAndParse() throws Exception {
        JsonNode json = Json.mapper().readTree(reportDir.resolve("results.json").toFile());
        assertTrue(json.at("/provenance/git/commit").isTextual());
        assertTrue(json.at("/provenance/machine/cores").asInt() >= 1);
        assertEquals(2, json.at("/runs").size());
        assertEquals(5, json.at("/targets").size());

        String html = Files.readString(reportDir.resolve("index.html"));
        assertTrue(html.contains("<svg") && !html.contains("<script") && !html.contains("http://cdn"), "self-contained HTML with inline SVG");
        String markdown = Files.readString(reportDir.resolve("report.md"));
        assertTrue(markdown.contains("![Throughput](charts/slow-throughput.svg)") && markdown.contains("| blocking-platform | 10 |"), markdown);

        var xml = DocumentBuilderFactory.newInstance();
        try (var charts = Files.list(reportDir.resolve("charts"))) {
            List<Path> svgs = charts.toList();
            assertTrue(svgs.size() >= 6, "charts: " + svgs);
            for (Path svg : svgs) {
                xml.newDocumentBuilder().parse(svg.toFile()); // well-formed XML
            }
        }
        for (RunResult run : results.runs()) {
            assertTrue(Files.isRegularFile(reportDir.resolve(run.gatlingReport())), "Gatling report of " + run.variant());
        }
    }
}
