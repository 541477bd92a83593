package org.planwatch.web;

import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateData;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.planwatch.domain.AxisProgress;
import org.planwatch.domain.Progress;
import org.planwatch.domain.Status;
import org.planwatch.measure.MeasureView;

/** What the templates show, already put in words for one language. */
final class Views {

    private Views() {}

    /** What every page has around its content. */
    @TemplateData
    record Frame(
            String lang,
            Map<String, String> t,
            String title,
            String switchHref,
            String switchLang,
            String apiHref,
            String feedHref,
            String theme,
            boolean compact) {}

    @TemplateData
    record StatusLook(String code, String css, String icon, String label, long count, String share) {

        static StatusLook of(Status status, Lang lang) {
            return new StatusLook(
                    status.name(), Texts.css(status), Texts.icon(status), Texts.status(status, lang), 0, "");
        }

        static List<StatusLook> counts(Progress progress, Lang lang) {
            return progress.statuses().stream()
                    .map(c -> new StatusLook(
                            c.status().name(),
                            Texts.css(c.status()),
                            Texts.icon(c.status()),
                            Texts.status(c.status(), lang),
                            c.count(),
                            Texts.percent(c.share(), lang)))
                    .toList();
        }
    }

    @TemplateData
    record AxisRow(int number, String title, long total, RawString bar, List<StatusLook> counts) {

        static AxisRow of(AxisProgress axis, Lang lang) {
            String label = Texts.of(lang).get("axis") + " " + axis.number();
            return new AxisRow(
                    axis.number(),
                    axis.title(),
                    axis.progress().measureCount(),
                    new RawString(Charts.stackedBar(axis.progress(), lang, label)),
                    StatusLook.counts(axis.progress(), lang));
        }
    }

    @TemplateData
    record MeasureRow(
            int number,
            String title,
            int axis,
            String axisTitle,
            StatusLook status,
            boolean divergent,
            boolean hidden,
            String search,
            String href) {

        static MeasureRow of(MeasureView m, Lang lang, boolean hidden, String href) {
            return new MeasureRow(
                    m.number(),
                    m.title(),
                    m.axis().number(),
                    m.axis().title(),
                    StatusLook.of(m.status(), lang),
                    m.divergent(),
                    hidden,
                    fold(m.title()),
                    href);
        }
    }

    @TemplateData
    record Option(String value, String label, boolean selected) {}

    /**
     * The same folding as the database's planwatch_fold (accents removed, ligatures spelled out, lower
     * case), so that the page's instant filter finds what the API's search finds.
     */
    static String fold(String text) {
        String decomposed = Normalizer.normalize(
                text.replace("œ", "oe")
                        .replace("Œ", "OE")
                        .replace("æ", "ae")
                        .replace("Æ", "AE")
                        .replace('’', '\'')
                        .replace('«', '"')
                        .replace('»', '"'),
                Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
