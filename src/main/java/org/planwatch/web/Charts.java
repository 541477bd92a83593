package org.planwatch.web;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.planwatch.domain.Progress;
import org.planwatch.domain.Status;
import org.planwatch.domain.StatusCount;
import org.planwatch.progress.ProgressHistory;

/**
 * Charts as inline SVG made on the server: no script needed to see them, and they print. Every shape
 * has a text equivalent (a title, the symbol of its status, an aria-label), so colour is never the only cue.
 */
public final class Charts {

    private Charts() {}

    /** One bar, 100 % wide, split per status; the counts are written in the segments that have room. */
    public static String stackedBar(Progress progress, Lang lang, String label) {
        int width = 1000;
        int height = 44;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"bar\" viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(height)
                .append("\" role=\"img\" aria-label=\"")
                .append(escape(label + " : " + summary(progress, lang)))
                .append("\">");
        double x = 0;
        for (StatusCount count : progress.statuses()) {
            if (count.count() == 0 || progress.measureCount() == 0) {
                continue;
            }
            double w = width * (double) count.count() / progress.measureCount();
            svg.append("<g class=\"")
                    .append(Texts.css(count.status()))
                    .append("\"><rect x=\"")
                    .append(fmt(x))
                    .append("\" y=\"0\" width=\"")
                    .append(fmt(w))
                    .append("\" height=\"")
                    .append(height)
                    .append("\"><title>")
                    .append(escape(Texts.status(count.status(), lang) + " : " + count.count() + " ("
                            + Texts.percent(count.share(), lang) + ")"))
                    .append("</title></rect>");
            if (w >= 70) {
                svg.append("<text x=\"")
                        .append(fmt(x + w / 2))
                        .append("\" y=\"30\" text-anchor=\"middle\">")
                        .append(escape(Texts.icon(count.status()) + " " + count.count()))
                        .append("</text>");
            }
            svg.append("</g>");
            x += w;
        }
        return svg.append("</svg>").toString();
    }

    /** "Réalisée : 3 (6,7 %), …" */
    public static String summary(Progress progress, Lang lang) {
        return progress.statuses().stream()
                .map(c ->
                        Texts.status(c.status(), lang) + " " + c.count() + " (" + Texts.percent(c.share(), lang) + ")")
                .collect(Collectors.joining(", "));
    }

    /** One line per status through the plan's evaluation dates, each with its own marker shape. */
    public static String history(List<ProgressHistory.Point> points, Lang lang) {
        int width = 720;
        int height = 320;
        int left = 56;
        int right = 24;
        int top = 16;
        int bottom = 56;
        long max =
                points.stream().mapToLong(p -> p.overall().measureCount()).max().orElse(1);
        max = Math.max(max, 1);
        double plotW = width - left - right;
        double plotH = height - top - bottom;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"history\" viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(height)
                .append("\" role=\"img\" aria-label=\"")
                .append(escape(Texts.of(lang).get("history") + " : "
                        + points.stream()
                                .map(p -> Texts.date(p.date(), lang) + " – " + summary(p.overall(), lang))
                                .collect(Collectors.joining(" ; "))))
                .append("\">");
        for (int i = 0; i <= 4; i++) {
            double value = max * i / 4.0;
            double y = top + plotH - plotH * i / 4.0;
            svg.append("<line class=\"grid\" x1=\"")
                    .append(left)
                    .append("\" x2=\"")
                    .append(width - right)
                    .append("\" y1=\"")
                    .append(fmt(y))
                    .append("\" y2=\"")
                    .append(fmt(y))
                    .append("\"/>");
            svg.append("<text class=\"tick\" x=\"")
                    .append(left - 8)
                    .append("\" y=\"")
                    .append(fmt(y + 5))
                    .append("\" text-anchor=\"end\">")
                    .append(Math.round(value))
                    .append("</text>");
        }
        int n = points.size();
        double[] xs = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = n == 1 ? left + plotW / 2 : left + plotW * i / (n - 1);
            svg.append("<text class=\"tick\" x=\"")
                    .append(fmt(xs[i]))
                    .append("\" y=\"")
                    .append(height - bottom + 24)
                    .append("\" text-anchor=\"middle\">")
                    .append(escape(points.get(i).date().toString()))
                    .append("</text>");
        }
        for (Status status : Status.values()) {
            StringBuilder line = new StringBuilder();
            StringBuilder marks = new StringBuilder();
            boolean any = false;
            for (int i = 0; i < n; i++) {
                long count = points.get(i).overall().statuses().stream()
                        .filter(c -> c.status() == status)
                        .findFirst()
                        .map(StatusCount::count)
                        .orElse(0L);
                any |= count > 0;
                double y = top + plotH - plotH * count / max;
                line.append(i == 0 ? "" : " ").append(fmt(xs[i])).append(',').append(fmt(y));
                marks.append(marker(
                        status,
                        xs[i],
                        y,
                        Texts.status(status, lang) + ", " + points.get(i).date() + " : " + count));
            }
            if (any) {
                svg.append("<g class=\"series ")
                        .append(Texts.css(status))
                        .append("\"><polyline points=\"")
                        .append(line)
                        .append("\"/>")
                        .append(marks)
                        .append("</g>");
            }
        }
        return svg.append("</svg>").toString();
    }

    private static String marker(Status status, double x, double y, String title) {
        String t = "<title>" + escape(title) + "</title>";
        return switch (status) {
            case IMPLEMENTED -> "<circle cx=\"" + fmt(x) + "\" cy=\"" + fmt(y) + "\" r=\"7\">" + t + "</circle>";
            case PARTIALLY_IMPLEMENTED ->
                "<rect x=\"" + fmt(x - 6) + "\" y=\"" + fmt(y - 6) + "\" width=\"12\" height=\"12\">" + t + "</rect>";
            case NOT_IMPLEMENTED ->
                "<polygon points=\"" + fmt(x) + "," + fmt(y - 8) + " " + fmt(x + 8) + "," + fmt(y + 6) + " "
                        + fmt(x - 8) + "," + fmt(y + 6) + "\">" + t + "</polygon>";
            case NOT_ASSESSED ->
                "<polygon points=\"" + fmt(x) + "," + fmt(y - 8) + " " + fmt(x + 8) + "," + fmt(y) + " " + fmt(x) + ","
                        + fmt(y + 8) + " " + fmt(x - 8) + "," + fmt(y) + "\">" + t + "</polygon>";
        };
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    public static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
