package org.planwatch.web;

import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import org.planwatch.common.http.Vary;

/**
 * The language of the interface (the data stays in French): the {@code lang} query parameter, else
 * the {@code planwatch-lang} cookie the switch sets, else the browser's Accept-Language, else French.
 */
public enum Lang {
    FR,
    EN;

    public static final String COOKIE = "planwatch-lang";

    /**
     * A page's language: the lang parameter, else the cookie, else Accept-Language. Unless the URL names it, the page
     * depends on the Cookie and Accept-Language headers, and its Vary says so.
     */
    public static Lang ofPage(RoutingContext context, String param, String cookie, String acceptLanguage) {
        if (parse(param) == null) {
            Vary.add(context, Vary.COOKIE, Vary.ACCEPT_LANGUAGE);
        }
        return resolve(param, cookie, acceptLanguage);
    }

    /**
     * An embed's language: the lang parameter, else Accept-Language (an embed is shown on another site, which does
     * not send Planwatch's cookie to a frame). Unless the URL names it, the embed depends on Accept-Language.
     */
    public static Lang ofEmbed(RoutingContext context, String param, String acceptLanguage) {
        if (parse(param) == null) {
            Vary.add(context, Vary.ACCEPT_LANGUAGE);
        }
        return resolve(param, null, acceptLanguage);
    }

    static Lang resolve(String param, String cookie, String acceptLanguage) {
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
