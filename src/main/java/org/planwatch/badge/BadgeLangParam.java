package org.planwatch.badge;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.planwatch.common.problem.ApiException;
import org.planwatch.web.Lang;

/** A badge's {@code lang}, read and documented once for every badge (a @BeanParam). */
public class BadgeLangParam {

    @Parameter(description = "The badge's language: fr (default) or en.", example = "fr")
    @QueryParam("lang")
    String lang;

    /** French when absent; a 400 naming {@code lang} when it is neither fr nor en. */
    Lang chosen() {
        if (lang == null) {
            return Lang.FR;
        }
        Lang chosen = Lang.parse(lang);
        if (chosen == null) {
            throw new ApiException.InvalidParameter("lang", "must be fr or en (got '" + lang + "')");
        }
        return chosen;
    }
}
