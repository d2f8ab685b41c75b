package dev.slowfast.loadtest.report;

import dev.slowfast.loadtest.results.Json;
import dev.slowfast.loadtest.results.ScalingResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes results.json, one SVG per chart, report.md and the self-contained index.html. */
public final class ReportWriter {

    private ReportWriter() {
    }

    public static void write(Path dir, ScalingResults results) throws IOException {
        Files.createDirectories(dir.resolve("charts"));
        Json.write(dir.resolve("results.json"), results);
        Map<String, List<Chart>> charts = new LinkedHashMap<>();
        for (String workload : results.workloads()) {
            List<Chart> workloadCharts = WorkloadCharts.of(results, workload);
            charts.put(workload, workloadCharts);
            for (Chart chart : workloadCharts) {
                Files.writeString(dir.resolve("charts").resolve(chart.id() + ".svg"), chart.svg());
            }
        }
        var document = ReportDocument.of(results, charts);
        Files.writeString(dir.resolve("report.md"), MarkdownRenderer.render(document));
        Files.writeString(dir.resolve("index.html"), HtmlRenderer.render(document));
    }
}
