package org.planwatch.web;

import java.util.Locale;

/**
 * The language of the interface (the data stays in French): the {@code lang} query parameter, else
 * the {@code planwatch-lang} cookie the switch sets, else the browser's Accept-Language, else French.
 */
public enum Lang {
    FR, EN;

    public static final String COOKIE = "planwatch-lang";

    public static Lang resolve(String param, String cookie, String acceptLanguage) {
        Lang chosen = parse(param);
        if (chosen == null) {
            chosen = parse(cookie);
        }
        if (chosen == null && acceptLanguage != null) {
            for (String range : acceptLanguage.split(",")) {
                String tag = range.split(";")[0].trim().toLowerCase(Locale.ROOT);
                if (tag.startsWith("fr")) {
                    return FR;
                }
                if (tag.startsWith("en")) {
                    return EN;
                }
            }
        }
        return chosen == null ? FR : chosen;
    }

    /** fr or en (case ignored); null for anything else. */
    public static Lang parse(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "fr" -> FR;
            case "en" -> EN;
            default -> null;
        };
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Lang other() {
        return this == FR ? EN : FR;
    }

    public Locale locale() {
        return this == FR ? Locale.FRANCE : Locale.UK;
    }
}
