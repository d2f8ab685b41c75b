package dev.slowfast.loadtest.report;

import dev.slowfast.loadtest.report.Document.Block;
import dev.slowfast.loadtest.report.Document.Bullets;
import dev.slowfast.loadtest.report.Document.Code;
import dev.slowfast.loadtest.report.Document.Inline;
import dev.slowfast.loadtest.report.Document.Link;
import dev.slowfast.loadtest.report.Document.Paragraph;
import dev.slowfast.loadtest.report.Document.Preformatted;
import dev.slowfast.loadtest.report.Document.Section;
import dev.slowfast.loadtest.report.Document.Strong;
import dev.slowfast.loadtest.report.Document.Table;
import dev.slowfast.loadtest.report.Document.Text;
import dev.slowfast.loadtest.results.RunResult;
import dev.slowfast.loadtest.results.ScalingResults;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the report says, in order: the one content behind report.md and index.html. */
final class ReportDocument {

    private ReportDocument() {
    }

    static Section of(ScalingResults results, Map<String, List<Chart>> charts) {
        var p = results.provenance();
        var blocks = new ArrayList<Block>();
        blocks.add(Paragraph.of(new Text("Profile "), new Code(p.profile()), new Text(", " + p.timing().startedAt() + ", commit "),
                new Code(p.git().commit()), new Text((p.git().workingTreeDirty() ? " (uncommitted changes)" : "") + ", "
                        + p.machine().cores() + " cores (" + p.machine().cpuModel() + "), " + p.jvms().jdk() + ".")));
        blocks.add(Paragraph.of(new Text("CPU pinning: " + p.machine().cpuPinning() + ".")));
        var targets = results.targets().stream().<List<Inline>>map(t -> List.of(new Text(t.target()),
                new Strong(t.status(), t.status().replace(' ', '-')), new Text(t.details()))).toList();
        blocks.add(section("Targets", new Table(List.of("target", "status", "figures"), targets, true)));
        blocks.add(section("How this was measured", new Bullets(p.method())));
        if (!results.skipped().isEmpty()) {
            blocks.add(section("Skipped", new Bullets(results.skipped().stream()
                    .map(s -> s.variant() + " × " + s.workload() + ": " + s.reason()).toList())));
        }
        charts.forEach((workload, workloadCharts) -> blocks.add(workload(results.runsOf(workload), workload, workloadCharts)));
        var cost = MetricsCost.rows(results);
        if (!cost.isEmpty()) {
            blocks.add(section("Cost of the metrics", Paragraph.of(new Text("/fast throughput of each app with "),
                    new Code("METRICS=on"), new Text(" (workload fast, scraped once a second) and "), new Code("METRICS=off"),
                    new Text(" (workload fast-metrics-off, not scraped), in the same run; cost = 1 − on ÷ off.")),
                    Table.of(MetricsCost.HEADER, cost, false)));
        }
        blocks.add(section("Provenance", Table.of(List.of("", ""), Tables.provenance(p), true)));
        blocks.add(Paragraph.of(new Text("Raw numbers, latency histograms (HdrHistogram, base64) and all settings: "),
                new Link("results.json", "results.json"), new Text("; SVG files in "), new Link("charts/", "charts/"), new Text(".")));
        return new Section(List.of(new Text("slowfast scaling report")), blocks);
    }

    private static Section workload(List<RunResult> runs, String workload, List<Chart> charts) {
        var figures = new ArrayList<Block>();
        figures.add(Table.of(Tables.levelHeader(runs), Tables.levels(runs), false));
        var why = Tables.why(runs);
        if (!why.isEmpty()) {
            figures.add(Paragraph.of(new Text("Why: what each app's own "), new Code("GET /metrics"), new Text(" said over the same"
                    + " windows (deltas between the scrapes nearest each end, peaks of the gauges in between; percentiles from"
                    + " histogram buckets are the bucket's upper bound; an empty cell is a figure this paradigm does not publish):")));
            figures.add(Table.of(Tables.WHY_HEADER, why, false));
        }
        var requests = Tables.requests(runs);
        if (!requests.isEmpty()) {
            figures.add(Paragraph.of(new Text("By request:")));
            figures.add(Table.of(Tables.REQUEST_HEADER, requests, false));
        }
        var reports = new ArrayList<Inline>();
        for (RunResult run : runs) {
            if (run.gatlingReport() != null) {
                reports.add(new Text(reports.isEmpty() ? "Gatling reports: " : ", "));
                reports.add(new Link(run.variant(), run.gatlingReport()));
            }
        }
        if (!reports.isEmpty()) {
            figures.add(new Paragraph(reports));
        }
        var recordings = new ArrayList<Inline>();
        for (RunResult run : runs) {
            if (run.jfrRecording() != null) {
                recordings.add(new Text(recordings.isEmpty() ? "JFR recordings: " : ", "));
                recordings.add(run.jfrRecording().endsWith(".jfr") ? new Link(run.variant(), run.jfrRecording())
                        : new Text(run.variant() + ": " + run.jfrRecording()));
            }
        }
        if (!recordings.isEmpty()) {
            figures.add(new Paragraph(recordings));
        }
        var downstream = runs.stream().filter(r -> r.downstream() != null).map(r -> r.variant() + ": " + r.downstream()).toList();
        if (!downstream.isEmpty()) {
            figures.add(Paragraph.of(new Text("Downstream process of each run: " + String.join("; ", downstream) + ".")));
        }
        for (RunResult run : runs) {
            if (run.appErrors() != null) {
                figures.add(Paragraph.of(new Strong(run.variant() + ":", null), new Text(" its log shows " + run.appErrors() + " ("),
                        new Link("app log", run.appLog()), new Text("; " + run.appStop() + ").")));
            }
        }
        var scraping = runs.stream().filter(r -> r.metricsScrapes() != null)
                .map(r -> r.variant() + ": " + r.metricsScrapes()).toList();
        if (!scraping.isEmpty()) {
            figures.add(Paragraph.of(new Text("Scrapes of /metrics: " + String.join("; ", scraping) + ".")));
        }
        for (RunResult run : runs) {
            if (run.failure() != null) {
                figures.add(Paragraph.of(new Strong(run.variant() + " failed:", null)));
                figures.add(new Preformatted(run.failure()));
            }
        }
        var blocks = new ArrayList<Block>(charts);
        blocks.add(section("Figures", figures.toArray(Block[]::new)));
        return new Section(List.of(new Text("Workload "), new Code(workload)), blocks);
    }

    private static Section section(String title, Block... blocks) {
        return new Section(List.of(new Text(title)), List.of(blocks));
    }
}
