package org.planwatch.common.http;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.planwatch.common.paging.Page;

/** Adds {@code Link: <...>; rel="next"} to every page that has a next one, with the same URL the cursor gives. */
public class PageLinks {

    @ServerResponseFilter(priority = Priorities.USER + 100)
    public void addNextLink(ContainerResponseContext response, UriInfo uri) {
        if (response.getEntity() instanceof Page<?> page && page.nextCursor() != null) {
            // relative (RFC 8288 allows it), so that the same answer is right whatever host name the client used
            URI absolute = uri.getRequestUriBuilder()
                    .replaceQueryParam("cursor", page.nextCursor())
                    .build();
            String next = absolute.getRawPath() + (absolute.getRawQuery() == null ? "" : "?" + absolute.getRawQuery());
            response.getHeaders().add("Link", "<" + next + ">; rel=\"next\"");
        }
    }
}
