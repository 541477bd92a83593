package org.planwatch.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.planwatch.domain.Status;

/** The interface's words in French and English. The data (titles, comments) stays in French, as in the sources. */
public final class Texts {

    /** Each status' English name, symbol and colour. */
    private static final Map<Status, String[]> LOOKS = new EnumMap<>(Map.of(
            Status.IMPLEMENTED, new String[] {"Implemented", "✓", "#1b6e2e"},
            Status.PARTIALLY_IMPLEMENTED, new String[] {"Partially implemented", "◐", "#9a4a00"},
            Status.NOT_IMPLEMENTED, new String[] {"Not implemented", "✗", "#b0212b"},
            Status.NOT_ASSESSED, new String[] {"Not assessed", "?", "#5b6068"}));

    /** The interface's words, in {@code texts.tsv}: a line per word with its key, its French and its English. */
    private static final List<String[]> WORDS = readWords();

    private static final Map<String, String> FR = words(1);
    private static final Map<String, String> EN = words(2);

    private Texts() {}

    private static List<String[]> readWords() {
        try (InputStream in = Texts.class.getResourceAsStream("/texts.tsv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .skip(1)
                    .filter(line -> !line.isBlank())
                    .map(Texts::word)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String[] word(String line) {
        String[] word = line.split("\t", -1);
        if (word.length != 3 || Arrays.stream(word).anyMatch(String::isBlank)) {
            throw new IllegalStateException("texts.tsv: not a key, a French and an English text: " + line);
        }
        return word;
    }

    private static Map<String, String> words(int language) {
        return WORDS.stream().collect(Collectors.toUnmodifiableMap(word -> word[0], word -> word[language]));
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
