package org.planwatch.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * What happens to every HTTP request before and around the REST layer: the Vary header that makes
 * CORS answers safe to cache, the security headers (no sniffing, referrer policy, who may frame which
 * page, content policies), and problem+json for the requests the HTTP layer rejects before the REST
 * layer sees them (a malformed URL, say).
 */
@ApplicationScoped
public class HttpEdge {

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE)
                .handler(context -> {
                    // CORS answers echo the request's Origin: a shared cache must not give one site's answer to another.
                    context.addHeadersEndHandler(ignored -> {
                        context.response().headers().add("Vary", "Origin");
                        framing(context);
                    });
                    context.next();
                })
                .failureHandler(context -> {
                    if (context.statusCode() == 400) {
                        problem(context, 400, "Bad request",
                                "The request could not be read: check that the URL is correctly percent-encoded (a literal % is %25).");
                    } else {
                        context.next();
                    }
                });
    }

    /**
     * Who may frame a page: anyone for the embeddable views under /embed/, no one for every other HTML page
     * (clickjacking). Planwatch's own pages also get a strict content policy: no inline script, nothing from elsewhere.
     */
    private static void framing(RoutingContext context) {
        var headers = context.response().headers();
        String path = context.normalizedPath();
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
        boolean embeddable = path.startsWith("/embed/");
        if (!embeddable) {
            headers.set("X-Frame-Options", "DENY");
        }
        String type = headers.get("Content-Type");
        if (type == null) {
            return;
        }
        if (type.startsWith("image/svg+xml")) {
            headers.set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
        } else if (type.startsWith("text/html")) {
            if (path.startsWith("/q/")) {
                headers.set("Content-Security-Policy", "frame-ancestors 'none'");
            } else {
                headers.set("Content-Security-Policy", OWN_PAGES + (embeddable ? "frame-ancestors *" : "frame-ancestors 'none'"));
            }
        }
    }

    private static final String OWN_PAGES = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            + "connect-src 'self'; frame-src 'self'; base-uri 'none'; form-action 'self'; object-src 'none'; ";

    private static void problem(RoutingContext context, int status, String title, String detail) {
        if (context.response().headWritten()) {
            return;
        }
        context.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE).end(new JsonObject()
                .put("type", "about:blank").put("title", title).put("status", status).put("detail", detail)
                .put("instance", context.normalizedPath()).encode());
    }
}
