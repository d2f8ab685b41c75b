package dev.slowfast.loadtest.report;

import java.util.List;

/**
 * The report as a document, built once ({@link ReportDocument}) and rendered twice: to report.md and
 * to index.html. A section holds paragraphs, lists, tables, charts and sections one level down.
 */
interface Document {

    sealed interface Block permits Section, Paragraph, Bullets, Table, Preformatted, Chart {
    }

    record Section(List<Inline> title, List<Block> blocks) implements Block {
    }

    record Paragraph(List<Inline> text) implements Block {

        static Paragraph of(Inline... text) {
            return new Paragraph(List.of(text));
        }
    }

    record Bullets(List<String> items) implements Block {
    }

    /** {@code textual}: the cells are prose, not figures (HTML aligns them left). */
    record Table(List<String> header, List<List<Inline>> rows, boolean textual) implements Block {

        static Table of(List<String> header, List<List<String>> rows, boolean textual) {
            return new Table(header, rows.stream().map(row -> row.stream().<Inline>map(Text::new).toList()).toList(), textual);
        }
    }

    record Preformatted(String text) implements Block {
    }

    /** A run of text in one style; {@code text()} is what it reads as without the style. */
    sealed interface Inline permits Text, Code, Strong, Link {
        String text();
    }

    record Text(String text) implements Inline {
    }

    record Code(String text) implements Inline {
    }

    /** {@code tone} names a verdict ("met", "not-met"), for HTML to colour; null for plain emphasis. */
    record Strong(String text, String tone) implements Inline {
    }

    record Link(String text, String href) implements Inline {
    }
}
