package org.planwatch.web;

import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;

/** What a dashboard page's language is chosen from: the lang parameter, the cookie, Accept-Language (a @BeanParam). */
public class PageLangParams {

    @QueryParam("lang")
    String lang;

    @CookieParam(Lang.COOKIE)
    String cookie;

    @HeaderParam("Accept-Language")
    String acceptLanguage;

    /** The page's language, see {@link Lang#ofPage}. */
    Lang chosen(RoutingContext context) {
        return Lang.ofPage(context, lang, cookie, acceptLanguage);
    }

    /** The lang parameter as received: when present, the page sets the cookie (see {@link DashboardResource#html}). */
    String param() {
        return lang;
    }
}
