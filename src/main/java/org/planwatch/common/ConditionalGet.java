package org.planwatch.common;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Tags every successful JSON GET answer with its ETag, and answers 304 Not Modified when the
 * client already holds that representation (If-None-Match).
 */
public class ConditionalGet {

    @Inject
    ETags etags;

    @ServerResponseFilter
    public void tag(ContainerRequestContext request, ContainerResponseContext response) {
        String method = request.getMethod();
        if (!(method.equals("GET") || method.equals("HEAD")) || response.getStatus() != 200 || response.getEntity() == null
                || response.getHeaders().containsKey(HttpHeaders.ETAG) || response.getEntity() instanceof String) {
            return;
        }
        String tag = etags.of(response.getEntity());
        response.getHeaders().putSingle(HttpHeaders.ETAG, tag);
        if (ETags.noneMatchHits(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), tag)) {
            response.setStatus(304);
            response.setEntity(null);
        }
    }
}
