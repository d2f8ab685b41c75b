package dev.slowfast.loadtest.report;

/** One drawn chart: a file name (without .svg), a title, the SVG and its plain-language reading. */
record Chart(String id, String title, String svg, String reading) implements Document.Block {
}
