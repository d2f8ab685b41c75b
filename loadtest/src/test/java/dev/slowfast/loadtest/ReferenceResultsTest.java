package dev.slowfast.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slowfast.loadtest.report.ReportWriter;
import dev.slowfast.loadtest.report.Targets;
import dev.slowfast.loadtest.results.Json;
import dev.slowfast.loadtest.results.ScalingResults;
import dev.slowfast.loadtest.results.TargetVerdict;
import dev.slowfast.loadtest.results.VariantSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The committed reference run (docs/results, written before the provenance was grouped) still reads,
 * renders and judges as it did: the report and the targets without starting anything.
 */
class ReferenceResultsTest {

    private static final Path MODULE = Path.of(System.getProperty("loadtest.moduleDir", "."));
    private static ScalingResults reference;

    @BeforeAll
    static void read() throws Exception {
        reference = Json.readResults(MODULE.resolve("../docs/results/results.json"));
    }

    @Test
    void flatProvenanceIsReadIntoItsGroups() {
        var p = reference.provenance();
        assertEquals("4fbb9abe4c6b16f404998fb45c366718f44061c8", p.git().commit());
        assertEquals(2, p.machine().cores());
        assertEquals(List.of(1, 10, 100, 1_000, 10_000), p.settings().levels());
        assertEquals("3.15.1", p.jvms().gatlingVersion());
        assertEquals(609.064, p.timing().durationSeconds());
    }

    @Test
    void rendersBothPagesAndReadsBackWhatItWrote() throws Exception {
        Path dir = MODULE.resolve("target/reference-report");
        ReportWriter.write(dir, reference);
        assertEquals(reference, Json.readResults(dir.resolve("results.json")));
        String markdown = Files.readString(dir.resolve("report.md"));
        String html = Files.readString(dir.resolve("index.html"));
        for (String heading : List.of("Targets", "How this was measured", "Workload `slow`", "Workload `mixed`", "Provenance")) {
            assertTrue(markdown.contains("\n## " + heading + "\n"), heading);
        }
        assertTrue(markdown.contains("![Throughput](charts/slow-throughput.svg)"), markdown);
        assertTrue(markdown.contains("| blocking-platform | 10,000 |"), markdown);
        assertTrue(html.contains("<h2>Workload <code>mixed</code></h2>") && html.contains("<b class=\"met\">met</b>"), html);
        assertTrue(html.contains("<svg") && !html.contains("<script"), "self-contained HTML with inline SVG");
    }

    @Test
    void targetsJudgeAsTheyDidWhenTheRunWasMadeAndLaterTargetsAreNotEvaluated() {
        List<TargetVerdict> now = Targets.evaluate(reference, reference.provenance().variants());
        int then = reference.targets().size();
        assertEquals(statuses(reference.targets()), statuses(now.subList(0, then)));
        assertTrue(now.size() > then, "the metrics-cost target came after the reference run");
        assertEquals(List.of("not evaluated"), statuses(now.subList(then, now.size())),
                "the reference run has no fast-metrics-off workload: " + now.subList(then, now.size()));
    }

    @Test
    void aNewVariantEntryGetsItsTargets() {
        var compared = new ArrayList<>(reference.provenance().variants());
        compared.add(new VariantSettings("blocking-50", "blocking-app", "", Map.of(), 50, "a pool of 50"));
        compared.add(new VariantSettings("loom-2", "blocking-app", "", Map.of(), null, "virtual threads again"));
        List<TargetVerdict> targets = Targets.evaluate(reference, compared);
        TargetVerdict slow = targets.getFirst();
        assertTrue(slow.target().contains("async, reactive and loom-2 reach ≥ 90%")
                && slow.target().contains("blocking-50 plateaus at its 50-thread bound"), slow.target());
        assertEquals("not evaluated", slow.status(), "neither new variant was in the run");
        assertTrue(slow.details().contains("loom-2: not measured") && slow.details().contains("blocking-50: not measured"), slow.details());
        assertTrue(targets.get(2).target().contains("loom-2") && !targets.get(2).target().contains("blocking-50"), targets.get(2).target());
    }

    private static List<String> statuses(List<TargetVerdict> targets) {
        return targets.stream().map(TargetVerdict::status).toList();
    }
}
