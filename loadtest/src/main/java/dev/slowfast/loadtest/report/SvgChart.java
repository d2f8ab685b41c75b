package dev.slowfast.loadtest.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small line chart rendered as self-contained SVG: x is always logarithmic (users 1 … 10,000),
 * y linear or logarithmic. No scripts, fonts or network: it must read the same in a browser, in a
 * Markdown viewer and on paper.
 */
public final class SvgChart {

    public record Point(double x, double y) {
    }

    public record Series(String name, String color, boolean dashed, List<Point> points) {
    }

    private static final int WIDTH = 720;
    private static final int HEIGHT = 380;
    private static final int LEFT = 70;
    private static final int RIGHT = 190;
    private static final int TOP = 36;
    private static final int BOTTOM = 50;

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final boolean logY;
    private final List<Series> series = new ArrayList<>();

    public SvgChart(String title, String xLabel, String yLabel, boolean logY) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.logY = logY;
    }

    public SvgChart add(Series s) {
        var points = s.points().stream().filter(p -> p.x() > 0 && Double.isFinite(p.y()) && (!logY || p.y() > 0)).toList();
        if (!points.isEmpty()) {
            series.add(new Series(s.name(), s.color(), s.dashed(), points));
        }
        return this;
    }

    public boolean isEmpty() {
        return series.isEmpty();
    }

    public String render() {
        var xs = series.stream().flatMap(s -> s.points().stream()).mapToDouble(Point::x).toArray();
        var ys = series.stream().flatMap(s -> s.points().stream()).mapToDouble(Point::y).toArray();
        double xMin = Math.pow(10, Math.floor(Math.log10(min(xs, 1))));
        double xMax = Math.pow(10, Math.ceil(Math.log10(Math.max(max(xs, 10), xMin * 10))));
        double yMin;
        double yMax;
        if (logY) {
            yMin = Math.pow(10, Math.floor(Math.log10(min(ys, 1))));
            yMax = Math.pow(10, Math.ceil(Math.log10(Math.max(max(ys, 1), yMin * 10))));
        } else {
            yMin = 0;
            yMax = niceCeiling(Math.max(max(ys, 1), 1e-9));
        }
        var svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%s\" font-family=\"sans-serif\" font-size=\"12\">%n",
                WIDTH, HEIGHT, WIDTH, HEIGHT, escape(title)));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(text(LEFT, 20, title, "start", "font-size=\"15\" font-weight=\"bold\""));
        int plotRight = WIDTH - RIGHT;
        int plotBottom = HEIGHT - BOTTOM;
        // grid and ticks
        for (double x = xMin; x <= xMax * 1.0001; x *= 10) {
            double px = xPos(x, xMin, xMax);
            svg.append(line(px, TOP, px, plotBottom, "#e5e5e5"));
            svg.append(text(px, plotBottom + 16, format(x), "middle", ""));
        }
        for (double y : yTicks(yMin, yMax)) {
            double py = yPos(y, yMin, yMax);
            svg.append(line(LEFT, py, plotRight, py, "#e5e5e5"));
            svg.append(text(LEFT - 6, py + 4, format(y), "end", ""));
        }
        svg.append(line(LEFT, plotBottom, plotRight, plotBottom, "#333"));
        svg.append(line(LEFT, TOP, LEFT, plotBottom, "#333"));
        svg.append(text((LEFT + plotRight) / 2.0, HEIGHT - 12, xLabel, "middle", ""));
        svg.append(String.format(Locale.ROOT, "<text x=\"16\" y=\"%.1f\" text-anchor=\"middle\" transform=\"rotate(-90 16 %.1f)\">%s</text>%n",
                (TOP + plotBottom) / 2.0, (TOP + plotBottom) / 2.0, escape(yLabel)));
        // series
        int legendY = TOP + 6;
        for (Series s : series) {
            var path = new StringBuilder();
            for (Point p : s.points()) {
                path.append(path.isEmpty() ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f",
                        xPos(p.x(), xMin, xMax), yPos(p.y(), yMin, yMax)));
            }
            String dash = s.dashed() ? " stroke-dasharray=\"6 4\"" : "";
            svg.append(String.format(Locale.ROOT, "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s/>%n", path, s.color(), dash));
            if (!s.dashed()) {
                for (Point p : s.points()) {
                    svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"><title>%s: %s at %s users</title></circle>%n",
                            xPos(p.x(), xMin, xMax), yPos(p.y(), yMin, yMax), s.color(), escape(s.name()), format(p.y()), format(p.x())));
                }
            }
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"%s/>%n",
                    plotRight + 12, legendY, plotRight + 36, legendY, s.color(), dash));
            svg.append(text(plotRight + 42, legendY + 4, s.name(), "start", ""));
            legendY += 20;
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private double xPos(double x, double min, double max) {
        return LEFT + (Math.log10(x) - Math.log10(min)) / (Math.log10(max) - Math.log10(min)) * (WIDTH - RIGHT - LEFT);
    }

    private double yPos(double y, double min, double max) {
        double fraction = logY
                ? (Math.log10(y) - Math.log10(min)) / (Math.log10(max) - Math.log10(min))
                : (y - min) / (max - min);
        return HEIGHT - BOTTOM - fraction * (HEIGHT - BOTTOM - TOP);
    }

    private List<Double> yTicks(double min, double max) {
        var ticks = new ArrayList<Double>();
        if (logY) {
            for (double y = min; y <= max * 1.0001; y *= 10) {
                ticks.add(y);
            }
        } else {
            double step = max / 5;
            for (int i = 0; i <= 5; i++) {
                ticks.add(i * step);
            }
        }
        return ticks;
    }

    /** The smallest 1, 2, 2.5 or 5 × 10^k (times 5 ticks) at or above {@code value}. */
    private static double niceCeiling(double value) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double m : new double[] {1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
            if (m * magnitude >= value) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }

    static String format(double v) {
        if (v == 0) {
            return "0";
        }
        if (Math.abs(v) >= 1000 && v == Math.rint(v)) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (Math.abs(v) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (Math.abs(v) >= 1) {
            return String.format(Locale.ROOT, "%.3g", v).replaceAll("\\.?0+$", "");
        }
        return String.format(Locale.ROOT, "%.2g", v);
    }

    private static String line(double x1, double y1, double x2, double y2, String color) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>%n", x1, y1, x2, y2, color);
    }

    private static String text(double x, double y, String content, String anchor, String extra) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" %s>%s</text>%n", x, y, anchor, extra, escape(content));
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static double min(double[] values, double fallback) {
        return java.util.Arrays.stream(values).min().orElse(fallback);
    }

    private static double max(double[] values, double fallback) {
        return java.util.Arrays.stream(values).max().orElse(fallback);
    }
}
