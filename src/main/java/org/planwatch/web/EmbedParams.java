package org.planwatch.web;

import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;

/** The options every embedded view takes, as received: lang, layout, theme and Accept-Language (a @BeanParam). */
public class EmbedParams {

    @QueryParam("lang")
    String lang;

    @QueryParam("layout")
    String layout;

    @QueryParam("theme")
    String theme;

    @HeaderParam("Accept-Language")
    String acceptLanguage;

    /** The options of a view: its language (see {@link Lang#ofEmbed}), layout and theme. */
    EmbedResource.Options options(RoutingContext context) {
        return new EmbedResource.Options(
                Lang.ofEmbed(context, lang, acceptLanguage),
                EmbedResource.Options.layout(layout),
                EmbedResource.Options.theme(theme));
    }
}
