package dev.slowfast.loadtest.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slowfast.loadtest.results.Errors;
import dev.slowfast.loadtest.results.Json;
import dev.slowfast.loadtest.results.LevelNotRun;
import dev.slowfast.loadtest.results.LevelResult;
import dev.slowfast.loadtest.results.RunResult;
import dev.slowfast.loadtest.results.ScalingResults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A fanout run rendered from made-up figures (nothing is started): its bound is drawn, a downstream-bound
 * point is flagged in the table and the readings, and the level it did not run is listed with its reason.
 */
class DownstreamReportTest {

    private static final Path MODULE = Path.of(System.getProperty("loadtest.moduleDir", "."));
    private static final LevelNotRun TEN_THOUSAND = new LevelNotRun(10_000,
            "the app would hold 10,000 client sockets + 10,000 downstream connections, past the open-files limit of 20,000");

    @Test
    void aFanoutReportFlagsDownstreamAndSaysWhatItDidNotRun() throws Exception {
        ScalingResults reference = Json.readResults(MODULE.resolve("../docs/results/results.json"));
        var runs = new ArrayList<>(reference.runs());
        runs.add(fanout("async", level(100, 99, 100.0, null, 0.2, 0.5), level(1_000, 950, 1_000.0, null, 7.6, 0.4)));
        runs.add(fanout("blocking-platform", level(100, 98, 100.0, null, 0.2, 0.5), level(1_000, 196, 200.0, "200 threads", 1.5, 6.0)));
        var results = new ScalingResults(reference.provenance(), reference.skipped(), runs, reference.targets());

        Path dir = MODULE.resolve("target/downstream-report");
        ReportWriter.write(dir, results);
        assertEquals(results, Json.readResults(dir.resolve("results.json")), "the new fields survive results.json");
        String markdown = Files.readString(dir.resolve("report.md"));

        assertTrue(markdown.contains("\n## Workload `fanout`\n"), markdown);
        assertTrue(markdown.contains("| " + Tables.DOWNSTREAM_CPU + " |"), "a downstream column in the fanout figures");
        assertTrue(markdown.contains("| async | 1,000 | 950 | 1,000 | 95% |") && markdown.contains("7.60 (95%) downstream-bound |"),
                "the downstream-bound point is flagged in its row");
        assertTrue(markdown.contains("| async | 10,000: not run (the app would hold 10,000 client sockets"), "a not-run row");
        assertTrue(markdown.contains("At 1,000 users, of the bound: async 95% (950 req/s of 1,000 req/s, downstream-bound);"
                + " blocking-platform 98% (196 req/s of 200 req/s, 200 threads)."), "the ratio per variant, computed");
        assertTrue(markdown.contains("Downstream-bound (downstream used ≥ 90% of its core in the window, so these points measure"
                + " downstream, not the app): async at 1,000 users (95%)."), "the flag in the throughput reading");
        assertTrue(markdown.contains("Not run: 10,000 users (the app would hold"), "the level not run, in the reading");
        assertTrue(markdown.contains("| 6.00 generator-bound |") && markdown.contains("Generator-bound (Gatling and downstream used"
                + " ≥ 90% of the load generator's cores, so these points measure the load side, not the app): async at 1,000 users,"
                + " blocking-platform at 1,000 users."), "Gatling and downstream share the generator's core: 7.6 + 0.4 and 1.5 + 6.0 of 8 s");
        assertTrue(markdown.contains("![Downstream CPU](charts/fanout-downstream-cpu.svg)"), markdown);

        String throughput = Files.readString(dir.resolve("charts/fanout-throughput.svg"));
        assertTrue(throughput.contains("bound: users ÷ delay") && throughput.contains("bound, 200 threads"),
                "both bounds drawn dashed, like slow's");
        String slowRow = markdown.lines().filter(l -> l.startsWith("| variant | users |")).findFirst().orElseThrow();
        assertTrue(!slowRow.contains("downstream"), "workloads without downstream keep their columns: " + slowRow);
    }

    private static RunResult fanout(String variant, LevelResult... levels) {
        return new RunResult(variant, "fanout", 1000, null, null, null, null, null, null, "stopped by SIGTERM, exit status 143",
                null, null, null, null, List.of(levels), "logs/" + variant + "-fanout-downstream.log, pinned with Gatling on CPU 0",
                List.of(TEN_THOUSAND));
    }

    /** One level of an 8 s window, with the flags computed as the harness computes them (one generator core). */
    private static LevelResult level(int users, double rps, double bound, String limit, double downstreamCpu, double gatlingCpu) {
        return new LevelResult(users, 8, Math.round(rps * 8), rps, bound, limit, null, Errors.NONE, Map.of(), 1.0, 300.0, 30,
                users + 50, null, downstreamCpu, downstreamCpu / 8 >= LevelResult.DOWNSTREAM_BUSY,
                gatlingCpu, (downstreamCpu + gatlingCpu) / 8 >= LevelResult.GENERATOR_BUSY);
    }
}
