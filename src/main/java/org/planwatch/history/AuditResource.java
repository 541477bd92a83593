package org.planwatch.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.planwatch.common.http.PageParams;
import org.planwatch.common.paging.Cursor;
import org.planwatch.common.paging.Page;
import org.planwatch.domain.ApiPaths;
import org.planwatch.domain.Role;

@Path(ApiPaths.AUDIT)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
public class AuditResource {

    @Inject
    AuditRepository audit;

    @Inject
    ObjectMapper json;

    @GET
    @RolesAllowed(Role.ADMIN_ROLE)
    @SecurityRequirement(name = "apiKey")
    @Operation(
            summary = "Read the audit trail",
            description =
                    "Every write, oldest first: who made it (the API key), when, on which resource, and the resource before and after.")
    public Page<AuditView> list(@BeanParam PageParams page) {
        int size = page.size();
        long after = Cursor.decodeNumber(page.cursor());
        var rows = audit.page(after, size + 1).stream()
                .map(a -> new AuditView(
                        a.id,
                        a.occurredAt,
                        a.actor,
                        a.role,
                        a.apiKeyId,
                        a.method,
                        a.path,
                        a.action,
                        a.resource,
                        tree(a.before),
                        tree(a.after)))
                .toList();
        return Page.of(rows, size, a -> Long.toString(a.id()));
    }

    private JsonNode tree(String text) {
        try {
            return text == null ? null : json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
