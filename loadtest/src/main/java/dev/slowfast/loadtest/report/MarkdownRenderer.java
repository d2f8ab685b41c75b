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
import java.util.List;
import java.util.stream.Collectors;

/** report.md: the document with its charts as links to the SVG files in charts/. */
final class MarkdownRenderer {

    private final StringBuilder md = new StringBuilder();

    private MarkdownRenderer() {
    }

    static String render(Section document) {
        var renderer = new MarkdownRenderer();
        renderer.section(document, 1);
        return renderer.md.toString().stripTrailing() + "\n";
    }

    private void section(Section section, int depth) {
        heading(depth, inline(section.title()));
        section.blocks().forEach(block -> block(block, depth));
    }

    private void block(Block block, int depth) {
        switch (block) {
            case Section s -> section(s, depth + 1);
            case Paragraph p -> md.append(inline(p.text())).append("\n\n");
            case Bullets b -> md.append(b.items().stream().map(item -> "- " + item + "\n").collect(Collectors.joining())).append('\n');
            case Table t -> table(t);
            case Preformatted p -> md.append("```\n").append(p.text().stripTrailing()).append("\n```\n\n");
            case Chart c -> {
                heading(depth + 1, c.title());
                md.append("![").append(c.title()).append("](charts/").append(c.id()).append(".svg)\n\n").append(c.reading()).append("\n\n");
            }
        }
    }

    private void heading(int depth, String title) {
        md.append("#".repeat(depth)).append(' ').append(title).append("\n\n");
    }

    private void table(Table table) {
        md.append("| ").append(String.join(" | ", table.header())).append(" |\n|").append("---|".repeat(table.header().size())).append('\n');
        for (List<Inline> row : table.rows()) {
            md.append("| ").append(row.stream().map(cell -> inline(List.of(cell)).replace("|", "\\|").replace("\n", " "))
                    .collect(Collectors.joining(" | "))).append(" |\n");
        }
        md.append('\n');
    }

    private static String inline(List<Inline> text) {
        return text.stream().map(span -> switch (span) {
            case Text t -> t.text();
            case Code c -> "`" + c.text() + "`";
            case Strong s -> "**" + s.text() + "**";
            case Link l -> "[" + l.text() + "](" + l.href() + ")";
        }).collect(Collectors.joining());
    }
}
