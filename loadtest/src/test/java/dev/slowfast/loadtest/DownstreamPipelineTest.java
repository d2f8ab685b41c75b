package dev.slowfast.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slowfast.loadtest.results.Json;
import dev.slowfast.loadtest.results.LevelResult;
import dev.slowfast.loadtest.results.RunResult;
import dev.slowfast.loadtest.results.ScalingResults;
import dev.slowfast.loadtest.results.Skipped;
import dev.slowfast.loadtest.run.RunSettings;
import dev.slowfast.loadtest.run.ScalingRun;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fanout workload through the real pipeline: without the downstream jar it is skipped with the
 * command that builds it (nothing starts); with it and an app that serves /fanout, a tiny run starts
 * downstream beside the app, samples it and holds the bound, like {@link ScalingPipelineTest} for slow.
 */
class DownstreamPipelineTest {

    private static final long DELAY_MS = 200;

    @Test
    void withoutTheDownstreamJarTheWorkloadIsSkippedWithTheBuildCommand(@TempDir Path emptyRepo) throws Exception {
        ScalingResults results = run(Map.of("loadtest.repoRoot", emptyRepo.toString(),
                "loadtest.reportDir", emptyRepo.resolve("report").toString()));
        assertTrue(results.runs().isEmpty(), "nothing started: " + results.runs());
        assertTrue(results.skipped().contains(new Skipped("*", "fanout", "downstream jar not found: downstream/target/downstream.jar"
                + " (build it with ./mvnw -pl downstream -am package -DskipTests)")), results.skipped().toString());
    }

    @Test
    void aTinyFanoutRunSamplesDownstreamAndHoldsTheBound() throws Exception {
        var probe = RunSettings.from(properties(Map.of()));
        Path downstream = probe.downstreamJar();
        Path app = probe.repoRoot().resolve("blocking-app/target/blocking-app.jar");
        // The pom builds both first (test-scope dependencies): a missing jar is a broken build, not a skip.
        assertTrue(Files.isRegularFile(downstream) && Files.isRegularFile(app),
                "needs " + downstream + " and " + app + " (with /fanout): ./mvnw -pl downstream,blocking-app -am package -DskipTests");
        Path reportDir = moduleDir().resolve("target/downstream-pipeline-report");
        ScalingResults results = run(Map.of("loadtest.reportDir", reportDir.toString()));

        assertTrue(results.skipped().isEmpty(), () -> "skipped: " + results.skipped());
        RunResult run = results.runs().getFirst();
        assertNull(run.failure(), () -> "failed: " + run.failure());
        LevelResult ten = run.level(10);
        assertEquals(50.0, ten.boundRps(), 1e-9, "10 users ÷ 0.2 s, ten calls at once each");
        double ratio = ten.throughputRps() / ten.boundRps();
        assertTrue(ratio >= 0.75 && ratio <= 1.25, () -> "10 users: " + ten.throughputRps() + " req/s against 50");
        assertEquals(0, ten.errors().total(), () -> "errors: " + ten.errors());
        assertTrue(ten.downstreamCpuSeconds() != null && ten.downstreamCpuSeconds() >= 0, "downstream was sampled");
        assertFalse(ten.boundByDownstream(), () -> "100 calls/s do not fill downstream's core: " + ten.downstreamCpuSeconds());
        assertTrue(run.downstream() != null && run.downstream().contains("GET /stats after the run (counted from the end of the warm-up): {"), run.downstream());

        JsonNode json = Json.mapper().readTree(reportDir.resolve("results.json").toFile());
        assertEquals(10_000, json.at("/provenance/settings/downstreamPoolSize").asInt());
        assertTrue(json.at("/runs/0/levels/1/downstreamBound").isBoolean(), "the flag is in results.json");
        assertTrue(Files.isRegularFile(reportDir.resolve("charts/fanout-downstream-cpu.svg")));
    }

    private static ScalingResults run(Map<String, String> overrides) throws Exception {
        var out = new ByteArrayOutputStream();
        return new ScalingRun(RunSettings.from(properties(overrides)), new PrintStream(out, true, StandardCharsets.UTF_8)).run();
    }

    /** This JVM's properties (a -Dloadtest.repoRoot from the command line reaches the test), the tiny run, the overrides. */
    private static Map<String, String> properties(Map<String, String> overrides) {
        var properties = new HashMap<String, String>();
        System.getProperties().forEach((key, value) -> properties.put(key.toString(), value.toString()));
        properties.putAll(Map.of(
                "loadtest.profile", "quick",
                "loadtest.variants", "blocking-virtual",
                "loadtest.workloads", "fanout",
                "loadtest.levels", "1,10",
                "loadtest.stepSeconds", "2",
                "loadtest.rampSeconds", "0.5",
                "loadtest.delayMs", String.valueOf(DELAY_MS),
                "loadtest.warmupSeconds", "1"));
        properties.putAll(overrides);
        return properties;
    }

    private static Path moduleDir() {
        return Path.of(System.getProperty("loadtest.moduleDir", ".")).toAbsolutePath().normalize();
    }
}
