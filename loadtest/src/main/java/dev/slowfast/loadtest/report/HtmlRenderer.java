package dev.slowfast.loadtest.report;

import static dev.slowfast.loadtest.report.SvgChart.escape;

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
import java.util.List;
import java.util.stream.Collectors;

/** index.html: one self-contained page, charts inline as SVG, no scripts and nothing fetched. */
final class HtmlRenderer {

    private static final String STYLE = """
            body{font-family:sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222;line-height:1.45}
            table{border-collapse:collapse;margin:1em 0;font-size:13px}td,th{border:1px solid #ccc;padding:3px 7px;text-align:right}
            td:first-child,th:first-child{text-align:left}.met{color:#1a7f37}.not-met{color:#c62828}.not-evaluated{color:#8a6d00}
            figure{margin:1.5em 0}figcaption{max-width:720px}code{background:#f4f4f4}.textual td{text-align:left}""";

    private final StringBuilder html = new StringBuilder();

    private HtmlRenderer() {
    }

    static String render(Section document) {
        var renderer = new HtmlRenderer();
        renderer.html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(document.title().stream().map(Inline::text).collect(Collectors.joining()))).append("</title><style>").append(STYLE).append("</style></head><body>\n");
        renderer.section(document, 1);
        return renderer.html.append("</body></html>\n").toString();
    }

    private void section(Section section, int depth) {
        html.append("<h").append(depth).append('>').append(inline(section.title())).append("</h").append(depth).append(">\n");
        section.blocks().forEach(block -> block(block, depth));
    }

    private void block(Block block, int depth) {
        switch (block) {
            case Section s -> section(s, depth + 1);
            case Paragraph p -> html.append("<p>").append(inline(p.text())).append("</p>\n");
            case Bullets b -> html.append("<ul>").append(b.items().stream().map(item -> "<li>" + escape(item) + "</li>")
                    .collect(Collectors.joining())).append("</ul>\n");
            case Table t -> table(t);
            case Preformatted p -> html.append("<pre>").append(escape(p.text())).append("</pre>\n");
            case Chart c -> html.append("<figure>").append(c.svg()).append("<figcaption>").append(escape(c.reading()))
                    .append("</figcaption></figure>\n");
        }
    }

    private void table(Table table) {
        html.append(table.textual() ? "<table class=\"textual\"><tr>" : "<table><tr>");
        table.header().forEach(h -> html.append("<th>").append(escape(h)).append("</th>"));
        html.append("</tr>\n");
        for (List<Inline> row : table.rows()) {
            html.append("<tr>");
            row.forEach(cell -> html.append("<td>").append(inline(List.of(cell))).append("</td>"));
            html.append("</tr>\n");
        }
        html.append("</table>\n");
    }

    private static String inline(List<Inline> text) {
        return text.stream().map(span -> switch (span) {
            case Text t -> escape(t.text());
            case Code c -> "<code>" + escape(c.text()) + "</code>";
            case Strong s -> (s.tone() == null ? "<b>" : "<b class=\"" + escape(s.tone()) + "\">") + escape(s.text()) + "</b>";
            case Link l -> "<a href=\"" + escape(l.href()) + "\">" + escape(l.text()) + "</a>";
        }).collect(Collectors.joining());
    }
}
