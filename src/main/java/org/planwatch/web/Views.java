package org.planwatch.web;

import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateData;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.planwatch.domain.AxisProgress;
import org.planwatch.domain.Progress;
import org.planwatch.domain.Status;
import org.planwatch.measure.MeasureLineage;
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
    record AxisRow(int number, String title, long total, RawString bar, List<StatusLook> counts, long overdue) {

        static AxisRow of(AxisProgress axis, Lang lang) {
            String label = Texts.of(lang).get("axis") + " " + axis.number();
            return new AxisRow(
                    axis.number(),
                    axis.title(),
                    axis.progress().measureCount(),
                    new RawString(Charts.stackedBar(axis.progress(), lang, label)),
                    StatusLook.counts(axis.progress(), lang),
                    axis.progress().overdueCount());
        }
    }

    /** A measure of the same chain, from another plan, as the measure page says it. */
    @TemplateData
    record LineageLine(String sentence, String href) {

        /** The measures before {@code number} of {@code plan} in its chain, then those after, each as a sentence. */
        static List<LineageLine> of(MeasureLineage lineage, Lang lang) {
            var t = Texts.of(lang);
            List<LineageLine> lines = new ArrayList<>();
            boolean after = false;
            for (MeasureLineage.Link link : lineage.chain()) {
                if (link.plan().equals(lineage.plan()) && link.number() == lineage.number()) {
                    after = true;
                    continue;
                }
                String status = Texts.status(link.status(), lang);
                lines.add(new LineageLine(
                        after
                                ? String.format(t.get("takenUpBy"), link.number(), link.plan(), status)
                                : String.format(
                                        t.get("takenUpFrom"),
                                        link.number(),
                                        link.plan(),
                                        status.toLowerCase(lang.locale())),
                        "/plans/" + link.plan() + "/measures/" + link.number()));
            }
            return lines;
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
            String href,
            String dueBy,
            boolean overdue) {

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
                    href,
                    m.dueBy(),
                    m.overdue());
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
