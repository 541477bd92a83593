package org.planwatch.axis;

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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.planwatch.common.http.AsOfParam;
import org.planwatch.common.http.PageParams;
import org.planwatch.common.http.Params;
import org.planwatch.common.http.QueryParams;
import org.planwatch.common.paging.Cursor;
import org.planwatch.common.paging.Page;
import org.planwatch.common.problem.Problem;
import org.planwatch.domain.ApiPaths;
import org.planwatch.domain.AxisProgress;
import org.planwatch.domain.Role;
import org.planwatch.domain.StatusBasis;
import org.planwatch.history.WriteResponses;
import org.planwatch.plan.Plan;
import org.planwatch.plan.PlanRepository;
import org.planwatch.progress.ProgressRepository;

@Path(ApiPaths.PLAN + "/axes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Axes")
public class AxisResource {

    @Inject
    PlanRepository plans;

    @Inject
    ProgressRepository progress;

    @Inject
    AxisService service;

    @Inject
    WriteResponses answers;

    @GET
    @Operation(
            summary = "List a plan's axes",
            description =
                    "The plan's axes in order, each with its number of measures and their counts per current status.")
    public Page<AxisProgress> list(
            @Parameter(description = Params.PLAN, example = Params.PLAN_EXAMPLE) @PathParam("plan") String slug,
            @BeanParam AsOfParam asOf,
            @BeanParam PageParams page) {
        int size = page.size();
        StatusBasis basis = asOf.basis();
        int after = Cursor.decodeNumber(page.cursor());
        Plan plan = plans.require(slug);
        // A plan has at most 99 axes (a database check): they are read at once and paged here.
        List<AxisProgress> axes = progress.axes(plan.id, basis).stream()
                .filter(a -> a.number() > after)
                .toList();
        return Page.of(axes, size, a -> Integer.toString(a.number()));
    }

    @GET
    @Path("/{number}")
    @Operation(
            summary = "Get an axis",
            description = "One axis of the plan, with its measure counts per current status.")
    public AxisProgress get(
            @Parameter(description = Params.PLAN, example = Params.PLAN_EXAMPLE) @PathParam("plan") String slug,
            @Parameter(description = "The axis' number in its plan.", example = "3") @PathParam("number") String number,
            @BeanParam AsOfParam asOf) {
        int wanted = QueryParams.positiveNumber("number", number);
        StatusBasis basis = asOf.basis();
        return service.view(plans.require(slug), wanted, basis);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.ADMIN_ROLE)
    @Operation(summary = "Create an axis", description = "Administrators only.")
    public Response create(
            @PathParam("plan") String slug,
            @HeaderParam(Params.IDEMPOTENCY_KEY) String idempotencyKey,
            @NotNull @Valid AxisInput body) {
        return answers.created(
                idempotencyKey,
                body,
                () -> service.create(slug, body),
                created -> ApiPaths.axis(slug, created.number()));
    }

    @PUT
    @Path("/{number}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.ADMIN_ROLE)
    @Operation(
            summary = "Update an axis",
            description = "Replaces its title; its number cannot change. Needs If-Match. Administrators only.")
    public Response update(
            @PathParam("plan") String slug,
            @PathParam("number") String number,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid AxisInput body) {
        return answers.ok(service.update(slug, QueryParams.positiveNumber("number", number), ifMatch, body));
    }

    @DELETE
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Path("/{number}")
    @RolesAllowed(Role.ADMIN_ROLE)
    @Operation(
            summary = "Delete an axis",
            description =
                    "An axis with measures is only deleted with cascade=true, which deletes them "
                            + "and their assessments too; otherwise the answer is a 409. It is a 409 too, even with cascade=true, when"
                            + " a measure of a later plan takes up (continues) one of its measures. Needs If-Match. Administrators only.")
    public Response delete(
            @PathParam("plan") String slug,
            @PathParam("number") String number,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Parameter(description = "Also delete the axis' measures and their assessments.") @QueryParam("cascade")
                    boolean cascade) {
        service.delete(slug, QueryParams.positiveNumber("number", number), ifMatch, cascade);
        return answers.deleted();
    }
}
