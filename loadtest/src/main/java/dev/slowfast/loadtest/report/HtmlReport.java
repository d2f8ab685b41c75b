package dev.slowfast.loadtest.report;

import static dev.slowfast.loadtest.report.SvgChart.escape;

import dev.slowfast.loadtest.results.RunResult;
import dev.slowfast.loadtest.results.ScalingResults;
import dev.slowfast.loadtest.results.Skipped;
import dev.slowfast.loadtest.results.TargetVerdict;
import java.util.List;
import java.util.Map;

/** index.html: one self-contained page, charts inline as SVG, no scripts and nothing fetched. */
final class HtmlReport {

    private static final String STYLE = """
            body{font-family:sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222;line-height:1.45}
            table{border-collapse:collapse;margin:1em 0;font-size:13px}td,th{border:1px solid #ccc;padding:3px 7px;text-align:right}
            td:first-child,th:first-child{text-align:left}.met{color:#1a7f37;font-weight:bold}.not-met{color:#c62828;font-weight:bold}
            .not-evaluated{color:#8a6d00;font-weight:bold}figure{margin:1.5em 0}figcaption{max-width:720px}code{background:#f4f4f4}
            .prov td{text-align:left}""";

    private HtmlReport() {
    }

    static String render(ScalingResults results, Map<String, List<Chart>> charts) {
        var p = results.provenance();
        var html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>slowfast scaling report</title><style>")
                .append(STYLE).append("</style></head><body>\n<h1>slowfast scaling report</h1>\n");
        html.append("<p>Profile <code>").append(escape(p.profile())).append("</code>, ").append(escape(p.startedAt()))
                .append(", commit <code>").append(escape(p.gitCommit())).append("</code>").append(p.gitWorkingTreeDirty() ? " (uncommitted changes)" : "")
                .append(", ").append(p.cores()).append(" cores, ").append(escape(p.jdk())).append(".<br>CPU pinning: ")
                .append(escape(p.cpuPinning())).append(".</p>\n");
        html.append("<h2>Targets</h2>\n<table><tr><th>target</th><th>status</th><th>figures</th></tr>\n");
        for (TargetVerdict t : results.targets()) {
            html.append("<tr><td>").append(escape(t.target())).append("</td><td class=\"").append(t.status().replace(' ', '-'))
                    .append("\">").append(escape(t.status())).append("</td><td style=\"text-align:left\">").append(escape(t.details())).append("</td></tr>\n");
        }
        html.append("</table>\n<h2>How this was measured</h2>\n<ul>");
        p.method().forEach(line -> html.append("<li>").append(escape(line)).append("</li>"));
        html.append("</ul>\n");
        if (!results.skipped().isEmpty()) {
            html.append("<h2>Skipped</h2>\n<ul>");
            for (Skipped s : results.skipped()) {
                html.append("<li>").append(escape(s.variant() + " × " + s.workload() + ": " + s.reason())).append("</li>");
            }
            html.append("</ul>\n");
        }
        for (var entry : charts.entrySet()) {
            List<RunResult> runs = results.runsOf(entry.getKey());
            html.append("<h2>Workload <code>").append(escape(entry.getKey())).append("</code></h2>\n");
            for (Chart chart : entry.getValue()) {
                html.append("<figure>").append(chart.svg()).append("<figcaption>").append(escape(chart.reading()))
                        .append("</figcaption></figure>\n");
            }
            html.append(table(Tables.LEVEL_HEADER, Tables.levels(runs), ""));
            var requests = Tables.requests(runs);
            if (!requests.isEmpty()) {
                html.append("<p>By request:</p>").append(table(Tables.REQUEST_HEADER, requests, ""));
            }
            html.append("<p>Gatling reports: ");
            html.append(String.join(", ", runs.stream().filter(r -> r.gatlingReport() != null)
                    .map(r -> "<a href=\"" + escape(r.gatlingReport()) + "\">" + escape(r.variant()) + "</a>").toList()));
            html.append("</p>\n");
            runs.stream().filter(r -> r.failure() != null).forEach(r -> html.append("<p><b>").append(escape(r.variant()))
                    .append(" failed:</b> <pre>").append(escape(r.failure())).append("</pre></p>\n"));
        }
        html.append("<h2>Provenance</h2>\n").append(table(List.of("", ""), Tables.provenance(p), "prov"));
        html.append("<p>Raw numbers, latency histograms and all settings: <a href=\"results.json\">results.json</a>; SVG files in <a href=\"charts/\">charts/</a>.</p>\n</body></html>\n");
        return html.toString();
    }

    private static String table(List<String> header, List<List<String>> rows, String cssClass) {
        var html = new StringBuilder("<table class=\"").append(cssClass).append("\"><tr>");
        header.forEach(h -> html.append("<th>").append(escape(h)).append("</th>"));
        html.append("</tr>\n");
        for (List<String> row : rows) {
            html.append("<tr>");
            row.forEach(cell -> html.append("<td>").append(escape(cell)).append("</td>"));
            html.append("</tr>\n");
        }
        return html.append("</table>\n").toString();
    }
}
