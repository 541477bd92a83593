package org.planwatch.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.planwatch.common.config.PlanwatchConfig;
import org.planwatch.common.http.Compression;
import org.planwatch.common.http.ETags;
import org.planwatch.common.http.Vary;
import org.planwatch.domain.ApiPaths;

/**
 * Public JSON answers kept in memory, exactly as sent, and served again without touching the REST
 * layer or the database until the data changes (see {@link DataVersion}). An answer is stored with
 * the data version read before it was computed, so an answer computed while a write committed is
 * never served for the newer version.
 */
@ApplicationScoped
public class ResponseCache {

    /** The version read when the request arrived, kept on the routing context for {@link #store}. */
    static final String VERSION_AT_START = "planwatch.version-at-start";
    /** The entry's key computed when the request arrived (its day too: an answer computed across midnight is kept for the day before). */
    static final String KEY_AT_START = "planwatch.key-at-start";

    private static final String JSON = "application/json;charset=UTF-8";
    /**
     * The request headers an entry may depend on: the cache holds the JSON representation only, is consulted only by requests
     * that take JSON (Accept), keeps both encodings (Accept-Encoding), and its answers get their CORS headers (Origin) from
     * the layer in front of it. An answer that depends on anything else is not kept.
     */
    private static final Set<String> KEYED = Set.of(Vary.ACCEPT, Vary.ACCEPT_ENCODING, Vary.ORIGIN);

    @Inject
    DataVersion version;

    /** Answers say which measures are overdue today: an answer is kept for the day it was computed on. */
    @Inject
    Clock clock;

    @Inject
    PlanwatchConfig config;
    /** With compression off, the HTTP layer never gzips an answer: neither does the cache. */
    @Inject
    Compression compression;

    private Cache<String, Entry> entries;

    /** One answer: its ETag (without the quotes' gzip suffix), its JSON bytes, the request headers it depends on and, once asked for, their gzip. */
    record Entry(long version, String etag, Buffer body, String link, List<String> vary, AtomicReference<Buffer> gzip) {
        Buffer gzipped() {
            return gzip.updateAndGet(
                    existing -> existing != null ? existing : Buffer.buffer(ResponseCache.gzip(body.getBytes())));
        }
    }

    /** The Cache-Control of public API answers: {@code public, max-age=30, stale-while-revalidate=30} unless configured otherwise. */
    public String cacheControl() {
        return cacheControl(config.cache().maxAge());
    }

    /** The Cache-Control of badges, embeds and the Atom feed: {@code public, max-age=300, stale-while-revalidate=300} unless configured otherwise. */
    public String embeddedCacheControl() {
        return cacheControl(config.cache().embeddedMaxAge());
    }

    private static String cacheControl(Duration maxAge) {
        return "public, max-age=" + maxAge.toSeconds() + ", stale-while-revalidate=" + maxAge.toSeconds();
    }

    /** An answer's key: its URI, on today's date (UTC). */
    private String key(String uri) {
        return LocalDate.now(clock) + " " + uri;
    }

    void install(@Observes Router router) {
        entries = Caffeine.newBuilder()
                .maximumWeight(config.cache().maxBytes())
                .weigher(
                        (String key, Entry entry) -> key.length() + entry.body().length() * 2)
                .build();
        router.route(ApiPaths.ALL).order(-100).handler(this::serve);
    }

    private void serve(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (!config.cache().enabled()
                || !version.trusted()
                || (request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD)
                || !acceptsJson(request.getHeader("Accept"))) {
            context.next();
            return;
        }
        long current = version.current();
        String key = key(request.uri());
        Entry entry = entries.getIfPresent(key);
        if (entry == null || entry.version() != current) {
            context.put(VERSION_AT_START, current);
            context.put(KEY_AT_START, key);
            context.next();
            return;
        }
        boolean gzip = compression.enabled() && acceptsGzip(request.getHeader("Accept-Encoding"));
        String etag = gzip ? ETags.gzipVariant(entry.etag()) : entry.etag();
        HttpServerResponse response = context.response();
        MultiMap headers = response.headers();
        headers.set("ETag", etag);
        headers.set("Cache-Control", cacheControl());
        Vary.add(context, entry.vary()); // what the REST layer declared when it computed the answer, on its 304 too
        if (entry.link() != null) {
            headers.set("Link", entry.link());
        }
        String lastModified = version.lastModifiedHeader();
        if (lastModified != null) {
            headers.set("Last-Modified", lastModified);
        }
        if (ETags.noneMatchHits(request.getHeader("If-None-Match"), etag)) {
            response.setStatusCode(304).end();
            return;
        }
        headers.set("Content-Type", JSON);
        // the same buffer for every answer: Vert.x writes it without copying it
        // Over HTTP/2 the connection compresses the data frames itself, by the Content-Encoding header: it gets the
        // JSON
        // (given gzip bytes, it gzipped them again).
        boolean http2 = request.version() == HttpVersion.HTTP_2;
        Buffer body = gzip && !http2 ? entry.gzipped() : entry.body();
        if (gzip) {
            headers.set("Content-Encoding", "gzip");
        }
        if (request.method() == HttpMethod.HEAD) {
            if (!(gzip && http2)) {
                headers.set("Content-Length", Integer.toString(body.length()));
            }
            response.end();
        } else {
            response.end(body);
        }
    }

    /**
     * Keeps an answer the REST layer just computed, when the request went through {@link #serve}
     * (so its version is known) and the data has not changed since.
     */
    public void store(RoutingContext context, String etag, byte[] body, String link) {
        Long versionAtStart = context == null ? null : context.get(VERSION_AT_START);
        List<String> vary = Vary.declared(context);
        if (config.cache().enabled()
                && versionAtStart != null
                && versionAtStart == version.current()
                && KEYED.containsAll(vary)) {
            entries.put(
                    context.get(KEY_AT_START),
                    new Entry(versionAtStart, etag, Buffer.buffer(body), link, vary, new AtomicReference<>()));
        }
    }

    /**
     * The client takes JSON: no Accept, any type, or JSON listed (CSV and other variants go to the REST layer, and so
     * does an Accept that weighs some type at zero, for the REST layer to read exactly).
     */
    static boolean acceptsJson(String accept) {
        return accept == null
                || accept.isBlank()
                || accept.equals("*/*")
                || accept.equals("application/json")
                || (accept.contains("application/json")
                        && !accept.contains("text/csv")
                        && !ZERO_WEIGHT.matcher(accept).find());
    }

    private static final Pattern ZERO_WEIGHT = Pattern.compile(";\\s*q\\s*=\\s*0(\\.0*)?\\s*(,|;|$)");

    /** Whether Accept-Encoding lists gzip with a weight above zero (RFC 9110: {@code gzip;q=0.5} does, {@code gzip; q=0} does not). */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.split(";");
            if (parts[0].strip().equalsIgnoreCase("gzip")) {
                for (int i = 1; i < parts.length; i++) {
                    String parameter = parts[i].strip();
                    if (parameter.regionMatches(true, 0, "q=", 0, 2)) {
                        try {
                            return Double.parseDouble(parameter.substring(2).strip()) > 0;
                        } catch (NumberFormatException e) {
                            return false;
                        }
                    }
                }
                return true;
            }
        }
        return false;
    }

    static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
