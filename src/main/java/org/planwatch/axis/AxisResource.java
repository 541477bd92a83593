package org.planwatch.axis;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.planwatch.common.http.ETags;
import org.planwatch.history.Idempotency;
import org.planwatch.domain.Role;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.planwatch.common.paging.Cursor;
import org.planwatch.common.paging.Page;
import org.planwatch.common.http.QueryParams;
import org.planwatch.domain.StatusBasis;
import org.planwatch.plan.Plan;
import org.planwatch.plan.PlanRepository;
import org.planwatch.domain.AxisProgress;
import org.planwatch.progress.ProgressRepository;

@Path("/api/v1/plans/{plan}/axes")
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
    Idempotency idempotency;
    @Inject
    ETags etags;

    @GET
    @Operation(summary = "List a plan's axes",
            description = "The plan's axes in order, each with its number of measures and their counts per current status.")
    public Page<AxisProgress> list(
            @Parameter(description = "The plan's period.", example = "2019-2021") @PathParam("plan") String slug,
            @Parameter(description = "The state of knowledge on this date (YYYY-MM-DD): evaluations dated after it are ignored.",
                    example = "2023-06-30") @QueryParam("asOf") String asOf,
            @Parameter(description = "Page size, 1 to 200.", example = "50") @QueryParam("limit") String limit,
            @Parameter(description = "The `nextCursor` of the previous page.") @QueryParam("cursor") String cursor) {
        int size = QueryParams.limit(limit);
        StatusBasis basis = StatusBasis.asOf(QueryParams.date("asOf", asOf));
        int after = Cursor.decodeNumber(cursor);
        Plan plan = plans.require(slug);
        // A plan has at most 99 axes (a database check): they are read at once and paged here.
        List<AxisProgress> axes = progress.axes(plan.id, basis).stream()
                .filter(a -> a.number() > after)
                .toList();
        return Page.of(axes, size, a -> Integer.toString(a.number()));
    }

    @GET
    @Path("/{number}")
    @Operation(summary = "Get an axis", description = "One axis of the plan, with its measure counts per current status.")
    public AxisProgress get(
            @Parameter(description = "The plan's period.", example = "2019-2021") @PathParam("plan") String slug,
            @Parameter(description = "The axis' number in its plan.", example = "3") @PathParam("number") String number,
            @Parameter(description = "The state of knowledge on this date (YYYY-MM-DD): evaluations dated after it are ignored.",
                    example = "2023-06-30") @QueryParam("asOf") String asOf) {
        int wanted = QueryParams.positiveNumber("number", number);
        StatusBasis basis = StatusBasis.asOf(QueryParams.date("asOf", asOf));
        return service.view(plans.require(slug), wanted, basis);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.ADMIN_ROLE)
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "Create an axis", description = "Administrators only.")
    @APIResponse(responseCode = "201", description = "The axis, created.",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = org.planwatch.domain.AxisProgress.class)))
    public Response create(@PathParam("plan") String slug, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @NotNull @Valid AxisInput body) {
        return idempotency.post(idempotencyKey, body, () -> {
            AxisProgress created = service.create(slug, body);
            return Response.created(URI.create(AxisService.path(slug, created.number()))).entity(created).tag(etags.tagOf(created)).build();
        });
    }

    @PUT
    @Path("/{number}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.ADMIN_ROLE)
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "Update an axis", description = "Replaces its title; its number cannot change. Needs If-Match. Administrators only.")
    @APIResponse(responseCode = "200", description = "The axis, updated.",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = org.planwatch.domain.AxisProgress.class)))
    public Response update(@PathParam("plan") String slug, @PathParam("number") String number,
            @Parameter(description = "The axis' current ETag.", required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid AxisInput body) {
        AxisProgress updated = service.update(slug, QueryParams.positiveNumber("number", number), ifMatch, body);
        return Response.ok(updated).tag(etags.tagOf(updated)).build();
    }

    @DELETE
    @Path("/{number}")
    @RolesAllowed(Role.ADMIN_ROLE)
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "Delete an axis", description = "An axis with measures is only deleted with cascade=true, which deletes them "
            + "and their assessments too; otherwise the answer is a 409. Needs If-Match. Administrators only.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    public Response delete(@PathParam("plan") String slug, @PathParam("number") String number,
            @Parameter(description = "The axis' current ETag.", required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Parameter(description = "Also delete the axis' measures and their assessments.") @QueryParam("cascade") boolean cascade) {
        service.delete(slug, QueryParams.positiveNumber("number", number), ifMatch, cascade);
        return Response.noContent().build();
    }
}
