package org.planwatch.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.planwatch.common.http.PageParams;
import org.planwatch.common.http.QueryParams;
import org.planwatch.common.paging.Cursor;
import org.planwatch.common.paging.Page;
import org.planwatch.common.problem.Problem;
import org.planwatch.domain.ApiPaths;
import org.planwatch.domain.Role;

@Path(ApiPaths.API_KEYS)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
@RolesAllowed(Role.ADMIN_ROLE)
@SecurityRequirement(name = "apiKey")
public class ApiKeyResource {

    @Inject
    ApiKeyRepository keys;

    @Inject
    ApiKeyService service;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Create an API key",
            description =
                    "An ADMIN key may do everything; an EVALUATOR key may only write the evaluations (and their assessments) of "
                            + "its evaluator; a SUBSCRIBER key (for an association's site) may only manage its own webhook subscriptions. The answer holds the key itself: it is shown this once, and only its hash is stored.")
    @APIResponse(
            responseCode = "201",
            description = "The key, with its secret: shown this once.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CreatedApiKey.class)))
    public Response create(@NotNull @Valid NewApiKey body) {
        CreatedApiKey created = service.create(body);
        return Response.created(URI.create(ApiPaths.apiKey(created.apiKey().id())))
                .entity(created)
                .build();
    }

    @GET
    @Operation(summary = "List API keys", description = "Every key, revoked ones included, without their secrets.")
    public Page<ApiKeyView> list(@BeanParam PageParams page) {
        int size = page.size();
        return Page.of(
                keys.page(Cursor.decodeNumber(page.cursor()), size).stream()
                        .map(ApiKeyView::from)
                        .toList(),
                size,
                k -> Long.toString(k.id()));
    }

    @DELETE
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Path("/{id}")
    @Operation(
            summary = "Revoke an API key",
            description =
                    "The key stops working at once. Revoking needs no If-Match: it cannot overwrite anyone's change, and it "
                            + "must be quick when a key leaks. Revoking a revoked key changes nothing.")
    @APIResponse(responseCode = "204", description = "Revoked (or already revoked).")
    public Response revoke(@Parameter(description = "The key's id.", example = "3") @PathParam("id") String id) {
        service.revoke(QueryParams.positiveNumber("id", id));
        return Response.noContent().build();
    }
}
