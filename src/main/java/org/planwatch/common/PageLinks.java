package org.planwatch.common;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Adds {@code Link: <...>; rel="next"} to every page that has a next one, with the same URL the cursor gives. */
public class PageLinks {

    @ServerResponseFilter
    public void addNextLink(ContainerResponseContext response, UriInfo uri) {
        if (response.getEntity() instanceof Page<?> page && page.nextCursor() != null) {
            String next = uri.getRequestUriBuilder().replaceQueryParam("cursor", page.nextCursor()).build().toString();
            response.getHeaders().add("Link", "<" + next + ">; rel=\"next\"");
        }
    }
}
