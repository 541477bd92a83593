package org.planwatch.badge;

import java.util.List;

/**
 * A badge in the usual two-part shape (a grey label, then a coloured message), as SVG with an
 * accessible title. Text widths are estimated from the characters, as badges commonly do.
 */
record Badge(String label, String message, String colour, String title) {

    String svg() {
        int labelWidth = width(label) + 12;
        int messageWidth = width(message) + 12;
        int total = labelWidth + messageWidth;
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + total
                + "\" height=\"20\" role=\"img\" aria-label=\"" + escape(title) + "\">"
                + "<title>" + escape(title) + "</title>"
                + "<rect width=\"" + labelWidth + "\" height=\"20\" fill=\"#4a4a4a\"/>"
                + "<rect x=\"" + labelWidth + "\" width=\"" + messageWidth + "\" height=\"20\" fill=\"" + colour
                + "\"/>"
                + "<g fill=\"#fff\" font-family=\"Verdana,DejaVu Sans,sans-serif\" font-size=\"11\">"
                + "<text x=\"6\" y=\"14\">" + escape(label) + "</text>"
                + "<text x=\"" + (labelWidth + 6) + "\" y=\"14\">" + escape(message) + "</text>"
                + "</g></svg>";
    }

    /** Roughly Verdana 11px: wide letters and digits 7px, narrow ones 3-4px. */
    private static int width(String text) {
        double width = 0;
        for (char c : text.toCharArray()) {
            width += "iljtf.,:;'! ".indexOf(c) >= 0
                    ? 3.5
                    : Character.isUpperCase(c) || "mw%◐✓✗".indexOf(c) >= 0 ? 8.5 : 6.8;
        }
        return (int) Math.ceil(width);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    static String join(List<String> parts) {
        return String.join(" · ", parts);
    }
}
