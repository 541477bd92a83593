package org.planwatch.cache;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.lang.annotation.Annotation;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.planwatch.common.http.Compression;
import org.planwatch.common.http.ETags;
import org.planwatch.common.http.Vary;

/**
 * Every successful JSON GET answer: serialised once, tagged with its ETag, answered 304 when the
 * client already holds it (If-None-Match), marked cacheable when it is public, and kept by the
 * {@link ResponseCache}. Answers in other media types written as text get a weak ETag and their 304 too.
 */
public class ConditionalGet {

    @Inject
    ETags etags;

    @Inject
    ResponseCache cache;

    @Inject
    DataVersion version;

    @Inject
    CurrentVertxRequest vertx;

    @Inject
    Compression compression;

    /** Runs after the other response filters (lower priorities run later), so that it sees their headers. */
    @ServerResponseFilter(priority = Priorities.HEADER_DECORATOR)
    public void tag(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource) {
        String method = request.getMethod();
        if (!(method.equals("GET") || method.equals("HEAD"))
                || response.getStatus() != 200
                || response.getEntity() == null
                || response.getHeaders().containsKey(HttpHeaders.ETAG)) {
            return;
        }
        if (!MediaType.APPLICATION_JSON_TYPE.isCompatible(response.getMediaType())) {
            tagText(request, response, resource);
            return;
        }
        byte[] body = response.getEntity() instanceof byte[] bytes ? bytes : etags.toJson(response.getEntity());
        String etag = ETags.ofBytes(body);
        boolean isPublic = isPublic(resource);
        // declared before the answer is kept, so that the cache's hits and 304s send the same Vary
        varyOnEncoding(MediaType.APPLICATION_JSON_TYPE);
        if (isPublic) {
            cache.store(vertx.getCurrent(), etag, body, response.getHeaderString("Link"));
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, cache.cacheControl());
            lastModified(response);
        } else {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "private, no-cache");
        }
        response.getHeaders().putSingle(HttpHeaders.ETAG, etag);
        if (ETags.noneMatchHits(
                request.getHeaderString(HttpHeaders.IF_NONE_MATCH), etag)) { // either encoding's tag matches
            response.setStatus(304);
            response.setEntity(null);
        } else {
            response.setEntity(body, new Annotation[0], MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"));
        }
    }

    /**
     * Every other successful GET answer written as text (CSV, SVG badges, the Atom feed, HTML pages and embeds): a
     * weak ETag, because the HTTP layer may compress these and a weak tag names their content whatever the encoding;
     * a 304 when the client holds it; the Cache-Control the resource chose, or the API's.
     */
    private void tagText(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource) {
        Object entity = response.getEntity();
        Charset charset = StandardCharsets.UTF_8;
        String declared = response.getMediaType() == null
                ? null
                : response.getMediaType().getParameters().get(MediaType.CHARSET_PARAMETER);
        if (declared != null && Charset.isSupported(declared)) {
            charset = Charset.forName(declared);
        }
        byte[] body =
                entity instanceof String text ? text.getBytes(charset) : entity instanceof byte[] bytes ? bytes : null;
        if (body == null) {
            return;
        }
        String etag = "W/" + ETags.ofBytes(body);
        boolean isPublic = isPublic(resource);
        if (!response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) {
            response.getHeaders()
                    .putSingle(HttpHeaders.CACHE_CONTROL, isPublic ? cache.cacheControl() : "private, no-cache");
        }
        if (isPublic) {
            lastModified(response);
        }
        varyOnEncoding(response.getMediaType());
        response.getHeaders().putSingle(HttpHeaders.ETAG, etag);
        if (ETags.noneMatchHits(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), etag)) {
            response.setStatus(304);
            response.setEntity(null);
        }
    }

    /**
     * Runs last: an answer the HTTP layer will gzip gets the gzip tag, so that a strong tag always names
     * the exact bytes sent — on reads and on the answers of writes alike.
     */
    @ServerResponseFilter(priority = Priorities.HEADER_DECORATOR - 1000)
    public void tagEncoding(ContainerRequestContext request, ContainerResponseContext response) {
        Object etag = response.getHeaders().getFirst(HttpHeaders.ETAG);
        // the answers of writes carry records whose media type (JSON) is only chosen when they are written
        boolean json = response.getMediaType() == null
                ? response.hasEntity()
                : MediaType.APPLICATION_JSON_TYPE.isCompatible(response.getMediaType());
        if (etag != null
                && !etag.toString().startsWith("W/")
                && compression.enabled()
                && (json || response.getStatus() == 304)
                && ResponseCache.acceptsGzip(request.getHeaderString(HttpHeaders.ACCEPT_ENCODING))) {
            response.getHeaders().putSingle(HttpHeaders.ETAG, ETags.gzipVariant(etag.toString()));
        }
    }

    /**
     * An answer the HTTP layer compresses depends on Accept-Encoding, and so does its 304, which has no Content-Type from
     * which the edge could tell: declared from the representation's media type.
     */
    private void varyOnEncoding(MediaType representation) {
        if (compression.compresses(representation)) {
            Vary.add(vertx.getCurrent(), Vary.ACCEPT_ENCODING);
        }
    }

    private void lastModified(ContainerResponseContext response) {
        String lastModified = version.lastModifiedHeader();
        if (lastModified != null) {
            response.getHeaders().putSingle(HttpHeaders.LAST_MODIFIED, lastModified);
        }
    }

    private static boolean isPublic(ResourceInfo resource) {
        return resource.getResourceMethod() != null
                && !resource.getResourceMethod().isAnnotationPresent(RolesAllowed.class)
                && !resource.getResourceClass().isAnnotationPresent(RolesAllowed.class);
    }
}
