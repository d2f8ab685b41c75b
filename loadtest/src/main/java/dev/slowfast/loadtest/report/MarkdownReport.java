package dev.slowfast.loadtest.report;

import dev.slowfast.loadtest.results.RunResult;
import dev.slowfast.loadtest.results.ScalingResults;
import dev.slowfast.loadtest.results.Skipped;
import dev.slowfast.loadtest.results.TargetVerdict;
import java.util.List;
import java.util.Map;

/** report.md: the same content as index.html, with the charts as linked SVG files. */
final class MarkdownReport {

    private MarkdownReport() {
    }

    static String render(ScalingResults results, Map<String, List<Chart>> charts) {
        var md = new StringBuilder();
        var p = results.provenance();
        md.append("# slowfast scaling report\n\n");
        md.append("Profile `").append(p.profile()).append("`, ").append(p.startedAt()).append(", commit `")
                .append(p.gitCommit()).append(p.gitWorkingTreeDirty() ? "` (uncommitted changes)" : "`").append(", ")
                .append(p.cores()).append(" cores (").append(p.cpuModel()).append("), ").append(p.jdk()).append(".\n\n");
        md.append("CPU pinning: ").append(p.cpuPinning()).append(".\n\n");

        md.append("## Targets\n\n| target | status | figures |\n|---|---|---|\n");
        for (TargetVerdict t : results.targets()) {
            md.append("| ").append(cell(t.target())).append(" | **").append(t.status()).append("** | ").append(cell(t.details())).append(" |\n");
        }
        md.append("\n## How this was measured\n\n");
        p.method().forEach(line -> md.append("- ").append(line).append('\n'));
        if (!results.skipped().isEmpty()) {
            md.append("\n## Skipped\n\n");
            for (Skipped s : results.skipped()) {
                md.append("- ").append(s.variant()).append(" × ").append(s.workload()).append(": ").append(s.reason()).append('\n');
            }
        }
        for (var entry : charts.entrySet()) {
            String workload = entry.getKey();
            List<RunResult> runs = results.runsOf(workload);
            md.append("\n## Workload `").append(workload).append("`\n\n");
            for (Chart chart : entry.getValue()) {
                md.append("### ").append(chart.title()).append("\n\n![").append(chart.title()).append("](charts/")
                        .append(chart.id()).append(".svg)\n\n").append(chart.reading()).append("\n\n");
            }
            md.append("### Figures\n\n").append(table(Tables.LEVEL_HEADER, Tables.levels(runs)));
            var requests = Tables.requests(runs);
            if (!requests.isEmpty()) {
                md.append("\nBy request:\n\n").append(table(Tables.REQUEST_HEADER, requests));
            }
            md.append("\nGatling reports: ");
            md.append(String.join(", ", runs.stream().filter(r -> r.gatlingReport() != null)
                    .map(r -> "[" + r.variant() + "](" + r.gatlingReport() + ")").toList())).append("\n");
            runs.stream().filter(r -> r.failure() != null).forEach(r ->
                    md.append("\n**").append(r.variant()).append(" failed:** ").append(cell(r.failure())).append("\n"));
        }
        md.append("\n## Provenance\n\n").append(table(List.of("", ""), Tables.provenance(p)));
        md.append("\nRaw numbers, latency histograms (HdrHistogram, base64) and all settings: [results.json](results.json).\n");
        return md.toString();
    }

    private static String table(List<String> header, List<List<String>> rows) {
        var md = new StringBuilder("| ").append(String.join(" | ", header)).append(" |\n|");
        header.forEach(h -> md.append("---|"));
        md.append('\n');
        rows.forEach(row -> md.append("| ").append(String.join(" | ", row.stream().map(MarkdownReport::cell).toList())).append(" |\n"));
        return md.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
