package org.planwatch.evaluator;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.planwatch.common.http.PageParams;
import org.planwatch.common.http.Params;
import org.planwatch.common.paging.Cursor;
import org.planwatch.common.paging.Page;
import org.planwatch.common.problem.Problem;
import org.planwatch.domain.ApiPaths;
import org.planwatch.domain.Role;
import org.planwatch.history.WriteResponses;

@Path(ApiPaths.EVALUATORS)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Evaluators")
public class EvaluatorResource {

    @Inject
    EvaluatorRepository evaluators;

    @Inject
    EvaluatorService service;

    @Inject
    WriteResponses answers;

    @GET
    @Operation(
            summary = "List evaluators",
            description =
                    "The bodies that assess the plans (the CNCDH, the Collectif \"Ensemble contre la traite\", ...), by slug.")
    public Page<EvaluatorView> list(@BeanParam PageParams page) {
        int size = page.size();
        return Page.of(
                evaluators.page(Cursor.decode(page.cursor()), size).stream()
                        .map(EvaluatorView::from)
                        .toList(),
                size,
                EvaluatorView::slug);
    }

    @GET
    @Path("/{slug}")
    @Operation(summary = "Get an evaluator")
    public EvaluatorView get(
            @Parameter(description = "The evaluator's slug.", example = "cncdh") @PathParam("slug") String slug) {
        return EvaluatorView.from(evaluators.require(slug));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.ADMIN_ROLE)
    @Operation(summary = "Create an evaluator", description = "Administrators only.")
    public Response create(
            @HeaderParam(Params.IDEMPOTENCY_KEY) String idempotencyKey, @NotNull @Valid EvaluatorInput body) {
        return answers.created(
                idempotencyKey, body, () -> service.create(body), created -> ApiPaths.evaluator(created.slug()));
    }

    @PUT
    @Path("/{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.ADMIN_ROLE)
    @Operation(
            summary = "Update an evaluator",
            description = "Its slug cannot change. Needs If-Match. Administrators only.")
    public Response update(
            @PathParam("slug") String slug,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid EvaluatorInput body) {
        return answers.ok(service.update(slug, ifMatch, body));
    }

    @DELETE
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Path("/{slug}")
    @RolesAllowed(Role.ADMIN_ROLE)
    @Operation(
            summary = "Delete an evaluator",
            description =
                    "An evaluator with evaluations or API keys is only deleted with "
                            + "cascade=true, which deletes them too; otherwise the answer is a 409 that lists them. Needs If-Match. Administrators only.")
    public Response delete(
            @PathParam("slug") String slug,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Parameter(description = "Also delete its evaluations, their assessments, and its API keys.")
                    @QueryParam("cascade")
                    boolean cascade) {
        service.delete(slug, ifMatch, cascade);
        return answers.deleted();
    }
}
