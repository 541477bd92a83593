package org.planwatch.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.planwatch.domain.Status;

/** The interface's words in French and English. The data (titles, comments) stays in French, as in the sources. */
public final class Texts {

    /** Each word of the interface: its key, in French, in English. */
    private static final String[][] WORDS = {
        {"view.progress", "L’avancement d’un plan", "A plan’s progress"},
        {"view.measures", "Les mesures d’un axe ou d’un état", "The measures of an axis or a status"},
        {"view.measure", "Une mesure", "One measure"},
        {
            "builderIntro",
            "Choisissez une vue et ses options, puis copiez le code dans votre page. L’aperçu montre exactement ce que verront vos visiteurs.",
            "Pick a view and its options, then copy the code into your page. The preview shows exactly what your visitors will see."
        },
        {"view", "Vue", "View"},
        {"options", "Options", "Options"},
        {"language", "Langue", "Language"},
        {"layout", "Présentation", "Layout"},
        {"layoutFull", "complète", "full"},
        {"layoutCompact", "compacte", "compact"},
        {"theme", "Thème", "Theme"},
        {"themeLight", "clair", "light"},
        {"themeDark", "sombre", "dark"},
        {"update", "Mettre à jour le code et l’aperçu", "Update the code and the preview"},
        {
            "iframeCode",
            "Cadre (iframe) : le plus simple, s’affiche tel quel",
            "Frame (iframe): the simplest, shows as is"
        },
        {
            "scriptCode",
            "Script : le contenu s’insère dans votre page, à styler avec votre CSS",
            "Script: the content goes into your page, to style with your own CSS"
        },
        {"badgeCode", "Badge (image SVG)", "Badge (SVG image)"},
        {"copy", "Copier", "Copy"},
        {"copied", "Copié", "Copied"},
        {"preview", "Aperçu", "Preview"},
        {"previewIframe", "Aperçu du cadre", "Preview of the frame"},
        {"previewScript", "Aperçu du script", "Preview of the script"},
        {"noMeasure", "Aucune mesure ne correspond.", "No measure matches."},
        {
            "tagline",
            "Suivi des plans d’action nationaux contre la traite des êtres humains",
            "Tracking France’s national action plans against trafficking in human beings"
        },
        {"skip", "Aller au contenu", "Skip to content"},
        {"nav", "Liens du site", "Site links"},
        {"api", "API (JSON)", "API (JSON)"},
        {"embed", "Intégrer sur votre site", "Embed on your site"},
        {"switchTo", "English", "Français"},
        {"plan", "Plan", "Plan"},
        {"otherPlans", "Autres plans", "Other plans"},
        {"period", "Période", "Period"},
        {"presentedOn", "Présenté le", "Presented on"},
        {"source", "Source", "Source"},
        {"latestEvaluation", "Dernière évaluation", "Latest evaluation"},
        {"progress", "Avancement global", "Overall progress"},
        {"measuresCounted", "mesures", "measures"},
        {"byAxis", "Avancement par axe", "Progress by axis"},
        {"axis", "Axe", "Axis"},
        {"measures", "Mesures", "Measures"},
        {"allAxes", "Tous les axes", "All axes"},
        {"status", "État", "Status"},
        {"allStatuses", "Tous les états", "All statuses"},
        {"search", "Rechercher dans les intitulés", "Search the titles"},
        {"searchHint", "accents et majuscules ignorés", "accents and case ignored"},
        {"filter", "Filtrer", "Filter"},
        {"reset", "Tout afficher", "Show all"},
        {"shown", "%d mesure(s) affichée(s) sur %d", "%d of %d measure(s) shown"},
        {"number", "N°", "No."},
        {"title", "Intitulé", "Title"},
        {"downloadCsv", "Télécharger cette liste (CSV)", "Download this list (CSV)"},
        {"downloadEvaluationCsv", "Télécharger l’évaluation (CSV)", "Download the evaluation (CSV)"},
        {"feed", "Fil Atom des changements d’état", "Atom feed of status changes"},
        {"history", "Évolution dans le temps", "Progress over time"},
        {"historyTable", "Les chiffres de l’évolution", "The figures over time"},
        {"date", "Date", "Date"},
        {"count", "Nombre de mesures", "Number of measures"},
        {"measure", "Mesure", "Measure"},
        {"currentStatus", "État actuel", "Current status"},
        {"statusFrom", "selon", "according to"},
        {"timeline", "Historique des évaluations", "Assessment history"},
        {"evaluator", "Évaluateur", "Evaluator"},
        {"comment", "Commentaire", "Comment"},
        {"evidence", "Sources", "Evidence"},
        {
            "noAssessment",
            "Aucune évaluation n’a encore porté sur cette mesure.",
            "No evaluation has assessed this measure yet."
        },
        {
            "divergent",
            "Les évaluateurs ne sont pas d’accord sur cette mesure :",
            "The evaluators disagree on this measure:"
        },
        {"byEvaluator", "Selon chaque évaluateur", "According to each evaluator"},
        {"back", "Toutes les mesures du plan", "All the plan’s measures"},
        {
            "dataNote",
            "Les données restent en français, la langue des sources. Chaque chiffre vient de l’API publique.",
            "The data stays in French, the language of the sources. Every figure comes from the public API."
        },
        {"openData", "Données ouvertes", "Open data"},
        {"noPlan", "Aucun plan n’est encore enregistré.", "No plan has been recorded yet."},
        {"seeOnPlanwatch", "Voir sur Planwatch", "See on Planwatch"},
        {"divergentShort", "avis divergents", "evaluators disagree"},
        {"overdue", "en retard", "overdue"},
        {"overdueIcon", Texts.OVERDUE_ICON, Texts.OVERDUE_ICON},
        {"overdueMeasures", "mesure(s) en retard sur leur échéance", "measure(s) past their deadline"},
        {"deadline", "Échéance", "Due by"},
        {"allDeadlines", "Toutes les mesures", "All measures"},
        {"onlyOverdue", "En retard seulement", "Overdue only"},
        {"notOverdue", "Pas en retard", "Not overdue"},
        {"lead", "Pilote", "Lead"},
        {"lineage", "D’un plan à l’autre", "From plan to plan"},
        {
            "takenUpFrom",
            "Reprise de la mesure %d du plan %s, %s dans ce plan.",
            "Taken up from measure %d of the %s plan, %s there."
        },
        {"takenUpBy", "Reprise par la mesure %d du plan %s : %s.", "Taken up by measure %d of the %s plan: %s."}
    };

    /** Each status' English name, symbol and colour. */
    private static final Map<Status, String[]> LOOKS = new EnumMap<>(Map.of(
            Status.IMPLEMENTED, new String[] {"Implemented", "✓", "#1b6e2e"},
            Status.PARTIALLY_IMPLEMENTED, new String[] {"Partially implemented", "◐", "#9a4a00"},
            Status.NOT_IMPLEMENTED, new String[] {"Not implemented", "✗", "#b0212b"},
            Status.NOT_ASSESSED, new String[] {"Not assessed", "?", "#5b6068"}));

    private static final Map<String, String> FR = words(1);
    private static final Map<String, String> EN = words(2);

    private Texts() {}

    private static Map<String, String> words(int language) {
        return Arrays.stream(WORDS).collect(Collectors.toUnmodifiableMap(word -> word[0], word -> word[language]));
    }

    public static Map<String, String> of(Lang lang) {
        return lang == Lang.FR ? FR : EN;
    }

    public static String status(Status status, Lang lang) {
        return lang == Lang.FR ? status.label : LOOKS.get(status)[0];
    }

    /** The overdue mark's symbol, always shown with its words (never colour alone). */
    public static final String OVERDUE_ICON = "⌛";

    /** A symbol per status, so that a status never shows by colour alone. */
    public static String icon(Status status) {
        return LOOKS.get(status)[1];
    }

    /** The status' colour where no stylesheet applies (badges); the same as planwatch.css and embed.js. */
    public static String colour(Status status) {
        return LOOKS.get(status)[2];
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
