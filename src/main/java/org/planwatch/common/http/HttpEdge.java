package org.planwatch.common.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.planwatch.common.csv.Csv;
import org.planwatch.common.problem.Problem;

/**
 * What happens to every HTTP request before and around the REST layer: the one Vary line that lets a
 * shared cache give every client its own representation, the security headers (no sniffing, referrer policy, who may frame which
 * page, content policies), and problem+json for the requests the HTTP layer rejects before the REST
 * layer sees them (a malformed URL, say, or a body over the size limit).
 */
@ApplicationScoped
public class HttpEdge {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    @ConfigProperty(name = "quarkus.smallrye-openapi.path", defaultValue = "/q/openapi")
    String openApiPath;

    @Inject
    Compression compression;

    void install(@Observes Router router) {
        long maxBytes = maxBodySize.asLongValue();
        router.route()
                .order(Integer.MIN_VALUE)
                .handler(context -> {
                    if (tooLarge(context, maxBytes)) {
                        // Quarkus would answer the same 413 a step later, with an empty body: say it as a problem.
                        context.response().putHeader("Connection", "close");
                        problem(
                                context,
                                413,
                                "Request body too large",
                                "The request body has "
                                        + context.request().getHeader("Content-Length") + " bytes; at most " + maxBytes
                                        + " are accepted (a CSV import takes at most " + Csv.MAX_IMPORT_ROWS
                                        + " lines).");
                        return;
                    }
                    String contentType = context.request().getHeader("Content-Type");
                    if (contentType != null && !MEDIA_TYPE.matcher(contentType).matches()) {
                        // the REST layer would fail to parse it, with a 500
                        problem(
                                context,
                                415,
                                "Unsupported media type",
                                "The Content-Type header is not a media type (type/subtype).");
                        return;
                    }
                    if (context.request().uri().toLowerCase(Locale.ROOT).contains("%00")) {
                        problem(
                                context,
                                400,
                                "Invalid parameter",
                                "The URL contains a NUL character (%00), which no path segment or parameter may contain.");
                        return;
                    }
                    // Runs after every other layer has written its headers (Vert.x calls these handlers last registered
                    // first).
                    context.addHeadersEndHandler(ignored -> {
                        vary(context);
                        framing(context);
                    });
                    context.next();
                })
                .failureHandler(context -> {
                    if (context.statusCode() == 400) {
                        problem(
                                context,
                                400,
                                "Bad request",
                                "The request could not be read: check that the URL is correctly percent-encoded (a literal % is %25).");
                    } else {
                        context.next();
                    }
                });
        // Quarkus serves the OpenAPI document as JSON to a client whose Accept names JSON, else as YAML, unless
        // ?format=json.
        router.route(openApiPath).order(Integer.MIN_VALUE + 1).handler(context -> {
            if (!"json".equalsIgnoreCase(context.request().getParam("format"))) {
                Vary.add(context, Vary.ACCEPT);
            }
            context.next();
        });
    }

    /**
     * The one Vary line of every answer (see {@link Vary}): what the layers that chose the representation declared,
     * Origin (the CORS layer echoes it in Access-Control-Allow-Origin: a shared cache must not give one site's answer to
     * another), and Accept-Encoding when the HTTP layer compresses answers of this type.
     */
    private void vary(RoutingContext context) {
        var headers = context.response().headers();
        Vary.write(
                context,
                headers,
                compression.compresses(headers.get("Content-Type"))
                        ? List.of(Vary.ORIGIN, Vary.ACCEPT_ENCODING)
                        : List.of(Vary.ORIGIN));
    }

    private static final Pattern MEDIA_TYPE = Pattern.compile(
            "\\s*[\\w!#$%&'*+.^`|~-]+/[\\w!#$%&'*+.^`|~-]+\\s*(;\\s*[\\w!#$%&'*+.^`|~-]+=(\"[^\"]*\"|[\\w!#$%&'*+.^`|~-]+)\\s*)*;?\\s*");

    private static boolean tooLarge(RoutingContext context, long maxBytes) {
        String length = context.request().getHeader("Content-Length");
        if (length == null) {
            return false;
        }
        try {
            return Long.parseLong(length.trim()) > maxBytes;
        } catch (NumberFormatException e) {
            return false; // the HTTP layer refuses a malformed length itself
        }
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
                headers.set(
                        "Content-Security-Policy",
                        OWN_PAGES + (embeddable ? "frame-ancestors *" : "frame-ancestors 'none'"));
            }
        }
    }

    private static final String OWN_PAGES =
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                    + "connect-src 'self'; frame-src 'self'; base-uri 'none'; form-action 'self'; object-src 'none'; ";

    /** Answers a problem document from a Vert.x route, before the REST layer (and its mapper) is reached. */
    public static void problem(RoutingContext context, int status, String title, String detail) {
        if (context.response().headWritten()) {
            return;
        }
        context.response()
                .setStatusCode(status)
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(Json.encode(
                        new Problem("about:blank", title, status, detail, context.normalizedPath(), null, null)));
    }
}
