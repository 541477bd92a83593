package org.planwatch.security;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.planwatch.common.problem.ApiException;
import org.planwatch.common.paging.Cursor;
import org.planwatch.common.paging.Page;
import org.planwatch.common.problem.Problem;
import org.planwatch.common.http.QueryParams;
import org.planwatch.domain.Role;
import org.planwatch.evaluator.Evaluator;
import org.planwatch.evaluator.EvaluatorRepository;
import org.planwatch.history.Change;
import org.planwatch.history.History;

@Path("/api/v1/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
@RolesAllowed(Role.ADMIN_ROLE)
@SecurityRequirement(name = "apiKey")
public class ApiKeyResource {

    @Inject
    ApiKeyRepository keys;
    @Inject
    EvaluatorRepository evaluators;
    @Inject
    History history;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Create an API key",
            description = "An ADMIN key may do everything; an EVALUATOR key may only write the evaluations (and their assessments) of "
                    + "its evaluator. The answer holds the key itself: it is shown this once, and only its hash is stored.")
    @APIResponse(responseCode = "201", description = "The key, with its secret: shown this once.",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = org.planwatch.security.CreatedApiKey.class)))
    public Response create(@NotNull @Valid NewApiKey body) {
        history.lock();
        Evaluator evaluator = null;
        if (body.role() == Role.EVALUATOR) {
            if (body.evaluator() == null) {
                throw new ApiException.Unprocessable("An EVALUATOR key belongs to one evaluator.",
                        List.of(new Problem.FieldError("evaluator", "is required for an EVALUATOR key")));
            }
            evaluator = evaluators.find("slug", body.evaluator()).firstResultOptional().orElseThrow(() -> new ApiException.Unprocessable(
                    "There is no evaluator '" + body.evaluator() + "'.", List.of(new Problem.FieldError("evaluator", "is not the slug of an evaluator"))));
        } else if (body.evaluator() != null) {
            throw new ApiException.Unprocessable("An ADMIN key belongs to no evaluator.",
                    List.of(new Problem.FieldError("evaluator", "must be absent for an ADMIN key")));
        }
        ApiKeys.Generated generated = ApiKeys.generate();
        ApiKey key = new ApiKey();
        key.publicId = generated.publicId();
        key.secretHash = generated.secretHash();
        key.name = body.name().strip();
        key.role = body.role();
        key.evaluator = evaluator;
        key.createdAt = OffsetDateTime.now().truncatedTo(ChronoUnit.MICROS);
        keys.persist(key);
        ApiKeyView view = ApiKeyView.from(key);
        history.audit(Change.Kind.CREATED, "/api/v1/api-keys/" + key.id, null, view);
        return Response.created(URI.create("/api/v1/api-keys/" + key.id)).entity(new CreatedApiKey(generated.key(), view)).build();
    }

    @GET
    @Operation(summary = "List API keys", description = "Every key, revoked ones included, without their secrets.")
    public Page<ApiKeyView> list(
            @Parameter(description = "Page size, 1 to 200.", example = "50") @QueryParam("limit") String limit,
            @Parameter(description = "The `nextCursor` of the previous page.") @QueryParam("cursor") String cursor) {
        int size = QueryParams.limit(limit);
        return Page.of(keys.page(Cursor.decodeNumber(cursor), size).stream().map(ApiKeyView::from).toList(), size,
                k -> Long.toString(k.id()));
    }

    @DELETE
    @Path("/{id}")
    @Transactional
    @Operation(summary = "Revoke an API key",
            description = "The key stops working at once. Revoking needs no If-Match: it cannot overwrite anyone's change, and it "
                    + "must be quick when a key leaks. Revoking a revoked key changes nothing.")
    @APIResponse(responseCode = "204", description = "Revoked (or already revoked).")
    public Response revoke(@Parameter(description = "The key's id.", example = "3") @PathParam("id") String id) {
        history.lock();
        ApiKey key = keys.require(QueryParams.positiveNumber("id", id));
        if (key.revokedAt == null) {
            ApiKeyView before = ApiKeyView.from(key);
            key.revokedAt = OffsetDateTime.now().truncatedTo(ChronoUnit.MICROS);
            history.audit(Change.Kind.UPDATED, "/api/v1/api-keys/" + key.id, before, ApiKeyView.from(key));
        }
        return Response.noContent().build();
    }
}
