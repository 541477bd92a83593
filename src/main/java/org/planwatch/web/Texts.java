package org.planwatch.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import org.planwatch.domain.Status;

/** The interface's words in French and English. The data (titles, comments) stays in French, as in the sources. */
public final class Texts {

    private static final Map<String, String> FR = Map.ofEntries(
            Map.entry("view.progress", "L’avancement d’un plan"),
            Map.entry("view.measures", "Les mesures d’un axe ou d’un état"),
            Map.entry("view.measure", "Une mesure"),
            Map.entry(
                    "builderIntro",
                    "Choisissez une vue et ses options, puis copiez le code dans votre page. L’aperçu montre exactement ce que verront vos visiteurs."),
            Map.entry("view", "Vue"),
            Map.entry("options", "Options"),
            Map.entry("language", "Langue"),
            Map.entry("layout", "Présentation"),
            Map.entry("layoutFull", "complète"),
            Map.entry("layoutCompact", "compacte"),
            Map.entry("theme", "Thème"),
            Map.entry("themeLight", "clair"),
            Map.entry("themeDark", "sombre"),
            Map.entry("update", "Mettre à jour le code et l’aperçu"),
            Map.entry("iframeCode", "Cadre (iframe) : le plus simple, s’affiche tel quel"),
            Map.entry("scriptCode", "Script : le contenu s’insère dans votre page, à styler avec votre CSS"),
            Map.entry("badgeCode", "Badge (image SVG)"),
            Map.entry("copy", "Copier"),
            Map.entry("copied", "Copié"),
            Map.entry("preview", "Aperçu"),
            Map.entry("previewIframe", "Aperçu du cadre"),
            Map.entry("previewScript", "Aperçu du script"),
            Map.entry("noMeasure", "Aucune mesure ne correspond."),
            Map.entry("tagline", "Suivi des plans d’action nationaux contre la traite des êtres humains"),
            Map.entry("skip", "Aller au contenu"),
            Map.entry("nav", "Liens du site"),
            Map.entry("api", "API (JSON)"),
            Map.entry("embed", "Intégrer sur votre site"),
            Map.entry("switchTo", "English"),
            Map.entry("plan", "Plan"),
            Map.entry("otherPlans", "Autres plans"),
            Map.entry("period", "Période"),
            Map.entry("presentedOn", "Présenté le"),
            Map.entry("source", "Source"),
            Map.entry("latestEvaluation", "Dernière évaluation"),
            Map.entry("progress", "Avancement global"),
            Map.entry("measuresCounted", "mesures"),
            Map.entry("byAxis", "Avancement par axe"),
            Map.entry("axis", "Axe"),
            Map.entry("measures", "Mesures"),
            Map.entry("allAxes", "Tous les axes"),
            Map.entry("status", "État"),
            Map.entry("allStatuses", "Tous les états"),
            Map.entry("search", "Rechercher dans les intitulés"),
            Map.entry("searchHint", "accents et majuscules ignorés"),
            Map.entry("filter", "Filtrer"),
            Map.entry("reset", "Tout afficher"),
            Map.entry("shown", "%d mesure(s) affichée(s) sur %d"),
            Map.entry("number", "N°"),
            Map.entry("title", "Intitulé"),
            Map.entry("downloadCsv", "Télécharger cette liste (CSV)"),
            Map.entry("downloadEvaluationCsv", "Télécharger l’évaluation (CSV)"),
            Map.entry("feed", "Fil Atom des changements d’état"),
            Map.entry("history", "Évolution dans le temps"),
            Map.entry("historyTable", "Les chiffres de l’évolution"),
            Map.entry("date", "Date"),
            Map.entry("count", "Nombre de mesures"),
            Map.entry("measure", "Mesure"),
            Map.entry("currentStatus", "État actuel"),
            Map.entry("statusFrom", "selon"),
            Map.entry("timeline", "Historique des évaluations"),
            Map.entry("evaluator", "Évaluateur"),
            Map.entry("comment", "Commentaire"),
            Map.entry("evidence", "Sources"),
            Map.entry("noAssessment", "Aucune évaluation n’a encore porté sur cette mesure."),
            Map.entry("divergent", "Les évaluateurs ne sont pas d’accord sur cette mesure :"),
            Map.entry("byEvaluator", "Selon chaque évaluateur"),
            Map.entry("back", "Toutes les mesures du plan"),
            Map.entry(
                    "dataNote",
                    "Les données restent en français, la langue des sources. Chaque chiffre vient de l’API publique."),
            Map.entry("openData", "Données ouvertes"),
            Map.entry("noPlan", "Aucun plan n’est encore enregistré."),
            Map.entry("seeOnPlanwatch", "Voir sur Planwatch"),
            Map.entry("divergentShort", "avis divergents"),
            Map.entry("overdue", "en retard"),
            Map.entry("overdueIcon", Texts.OVERDUE_ICON),
            Map.entry("overdueMeasures", "mesure(s) en retard sur leur échéance"),
            Map.entry("deadline", "Échéance"),
            Map.entry("allDeadlines", "Toutes les mesures"),
            Map.entry("onlyOverdue", "En retard seulement"),
            Map.entry("notOverdue", "Pas en retard"),
            Map.entry("lead", "Pilote"),
            Map.entry("lineage", "D’un plan à l’autre"),
            Map.entry("takenUpFrom", "Reprise de la mesure %d du plan %s, %s dans ce plan."),
            Map.entry("takenUpBy", "Reprise par la mesure %d du plan %s : %s."));

    private static final Map<String, String> EN = Map.ofEntries(
            Map.entry("view.progress", "A plan’s progress"),
            Map.entry("view.measures", "The measures of an axis or a status"),
            Map.entry("view.measure", "One measure"),
            Map.entry(
                    "builderIntro",
                    "Pick a view and its options, then copy the code into your page. The preview shows exactly what your visitors will see."),
            Map.entry("view", "View"),
            Map.entry("options", "Options"),
            Map.entry("language", "Language"),
            Map.entry("layout", "Layout"),
            Map.entry("layoutFull", "full"),
            Map.entry("layoutCompact", "compact"),
            Map.entry("theme", "Theme"),
            Map.entry("themeLight", "light"),
            Map.entry("themeDark", "dark"),
            Map.entry("update", "Update the code and the preview"),
            Map.entry("iframeCode", "Frame (iframe): the simplest, shows as is"),
            Map.entry("scriptCode", "Script: the content goes into your page, to style with your own CSS"),
            Map.entry("badgeCode", "Badge (SVG image)"),
            Map.entry("copy", "Copy"),
            Map.entry("copied", "Copied"),
            Map.entry("preview", "Preview"),
            Map.entry("previewIframe", "Preview of the frame"),
            Map.entry("previewScript", "Preview of the script"),
            Map.entry("noMeasure", "No measure matches."),
            Map.entry("tagline", "Tracking France’s national action plans against trafficking in human beings"),
            Map.entry("skip", "Skip to content"),
            Map.entry("nav", "Site links"),
            Map.entry("api", "API (JSON)"),
            Map.entry("embed", "Embed on your site"),
            Map.entry("switchTo", "Français"),
            Map.entry("plan", "Plan"),
            Map.entry("otherPlans", "Other plans"),
            Map.entry("period", "Period"),
            Map.entry("presentedOn", "Presented on"),
            Map.entry("source", "Source"),
            Map.entry("latestEvaluation", "Latest evaluation"),
            Map.entry("progress", "Overall progress"),
            Map.entry("measuresCounted", "measures"),
            Map.entry("byAxis", "Progress by axis"),
            Map.entry("axis", "Axis"),
            Map.entry("measures", "Measures"),
            Map.entry("allAxes", "All axes"),
            Map.entry("status", "Status"),
            Map.entry("allStatuses", "All statuses"),
            Map.entry("search", "Search the titles"),
            Map.entry("searchHint", "accents and case ignored"),
            Map.entry("filter", "Filter"),
            Map.entry("reset", "Show all"),
            Map.entry("shown", "%d of %d measure(s) shown"),
            Map.entry("number", "No."),
            Map.entry("title", "Title"),
            Map.entry("downloadCsv", "Download this list (CSV)"),
            Map.entry("downloadEvaluationCsv", "Download the evaluation (CSV)"),
            Map.entry("feed", "Atom feed of status changes"),
            Map.entry("history", "Progress over time"),
            Map.entry("historyTable", "The figures over time"),
            Map.entry("date", "Date"),
            Map.entry("count", "Number of measures"),
            Map.entry("measure", "Measure"),
            Map.entry("currentStatus", "Current status"),
            Map.entry("statusFrom", "according to"),
            Map.entry("timeline", "Assessment history"),
            Map.entry("evaluator", "Evaluator"),
            Map.entry("comment", "Comment"),
            Map.entry("evidence", "Evidence"),
            Map.entry("noAssessment", "No evaluation has assessed this measure yet."),
            Map.entry("divergent", "The evaluators disagree on this measure:"),
            Map.entry("byEvaluator", "According to each evaluator"),
            Map.entry("back", "All the plan’s measures"),
            Map.entry(
                    "dataNote",
                    "The data stays in French, the language of the sources. Every figure comes from the public API."),
            Map.entry("openData", "Open data"),
            Map.entry("noPlan", "No plan has been recorded yet."),
            Map.entry("seeOnPlanwatch", "See on Planwatch"),
            Map.entry("divergentShort", "evaluators disagree"),
            Map.entry("overdue", "overdue"),
            Map.entry("overdueIcon", Texts.OVERDUE_ICON),
            Map.entry("overdueMeasures", "measure(s) past their deadline"),
            Map.entry("deadline", "Due by"),
            Map.entry("allDeadlines", "All measures"),
            Map.entry("onlyOverdue", "Overdue only"),
            Map.entry("notOverdue", "Not overdue"),
            Map.entry("lead", "Lead"),
            Map.entry("lineage", "From plan to plan"),
            Map.entry("takenUpFrom", "Taken up from measure %d of the %s plan, %s there."),
            Map.entry("takenUpBy", "Taken up by measure %d of the %s plan: %s."));

    private Texts() {}

    public static Map<String, String> of(Lang lang) {
        return lang == Lang.FR ? FR : EN;
    }

    public static String status(Status status, Lang lang) {
        if (lang == Lang.FR) {
            return status.label;
        }
        return switch (status) {
            case IMPLEMENTED -> "Implemented";
            case PARTIALLY_IMPLEMENTED -> "Partially implemented";
            case NOT_IMPLEMENTED -> "Not implemented";
            case NOT_ASSESSED -> "Not assessed";
        };
    }

    /** A symbol per status, so that a status never shows by colour alone. */
    /** The overdue mark's symbol, always shown with its words (never colour alone). */
    public static final String OVERDUE_ICON = "⌛";

    public static String icon(Status status) {
        return switch (status) {
            case IMPLEMENTED -> "✓";
            case PARTIALLY_IMPLEMENTED -> "◐";
            case NOT_IMPLEMENTED -> "✗";
            case NOT_ASSESSED -> "?";
        };
    }

    /** The status' colour where no stylesheet applies (badges); the same as planwatch.css and embed.js. */
    public static String colour(Status status) {
        return switch (status) {
            case IMPLEMENTED -> "#1b6e2e";
            case PARTIALLY_IMPLEMENTED -> "#9a4a00";
            case NOT_IMPLEMENTED -> "#b0212b";
            case NOT_ASSESSED -> "#5b6068";
        };
    }

    public static String css(Status status) {
        return "st-" + status.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** 0.0667 as "6,7 %" or "6.7%". */
    public static String percent(BigDecimal share, Lang lang) {
        String number =
                share.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString();
        return lang == Lang.FR ? number.replace('.', ',') + "\u00a0%" : number + "%";
    }

    public static String date(LocalDate date, Lang lang) {
        return date == null
                ? ""
                : date.format(
                        DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(lang.locale()));
    }
}
