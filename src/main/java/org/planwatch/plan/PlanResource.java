package org.planwatch.plan;

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
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.planwatch.common.http.PageParams;
import org.planwatch.common.http.Params;
import org.planwatch.common.paging.Cursor;
import org.planwatch.common.paging.Page;
import org.planwatch.common.problem.Problem;
import org.planwatch.domain.ApiPaths;
import org.planwatch.domain.AxisProgress;
import org.planwatch.domain.EvaluationRef;
import org.planwatch.domain.Role;
import org.planwatch.domain.StatusBasis;
import org.planwatch.history.WriteResponses;

@Path(ApiPaths.PLANS)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Plans")
public class PlanResource {

    @Inject
    PlanRepository plans;

    @Inject
    PlanProgress progress;

    @Inject
    PlanService service;

    @Inject
    WriteResponses answers;

    @GET
    @Operation(
            summary = "List plans",
            description =
                    "The national action plans, latest first, each with its headline progress: how many of its measures are "
                            + "implemented, partially implemented, not implemented or not yet assessed.")
    public Page<PlanView> list(@BeanParam PageParams paging) {
        int size = paging.size();
        List<Plan> page = plans.page(Cursor.decode(paging.cursor()), size);
        List<Long> ids = page.stream().map(p -> p.id).toList();
        Map<Long, List<AxisProgress>> axes = progress.axesByPlan(ids, StatusBasis.LATEST);
        Map<Long, EvaluationRef> latest = plans.latestEvaluations(ids);
        List<PlanView> views = page.stream()
                .map(p -> PlanView.from(p, axes.getOrDefault(p.id, List.of()), latest.get(p.id)))
                .toList();
        return Page.of(views, size, PlanView::slug);
    }

    @GET
    @Path("/{plan}")
    @Operation(summary = "Get a plan", description = "The plan, its source and its headline progress.")
    public PlanView get(
            @Parameter(description = Params.PLAN, example = Params.PLAN_EXAMPLE) @PathParam("plan") String slug) {
        return service.view(plans.require(slug));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.ADMIN_ROLE)
    @Operation(
            summary = "Create a plan",
            description = "Its slug is its period (startYear-endYear). Administrators only.")
    public Response create(@HeaderParam(Params.IDEMPOTENCY_KEY) String idempotencyKey, @NotNull @Valid PlanInput body) {
        return answers.created(
                idempotencyKey, body, () -> service.create(body), created -> ApiPaths.plan(created.slug()));
    }

    @PUT
    @Path("/{plan}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.ADMIN_ROLE)
    @Operation(
            summary = "Update a plan",
            description = "Replaces its title, presentation date and source; its period cannot change. "
                    + "Needs If-Match with the plan's current ETag. Administrators only.")
    public Response update(
            @PathParam("plan") String slug,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid PlanInput body) {
        return answers.ok(service.update(slug, ifMatch, body));
    }

    @DELETE
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Path("/{plan}")
    @RolesAllowed(Role.ADMIN_ROLE)
    @Operation(
            summary = "Delete a plan",
            description =
                    "A plan with axes, measures or evaluations is only deleted with cascade=true, "
                            + "which deletes them too; otherwise the answer is a 409 that says what depends on it. Needs If-Match. Administrators only.")
    public Response delete(
            @PathParam("plan") String slug,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Parameter(description = "Also delete everything that belongs to the plan.") @QueryParam("cascade")
                    boolean cascade) {
        service.delete(slug, ifMatch, cascade);
        return answers.deleted();
    }
}
