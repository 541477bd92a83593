package org.planwatch.axis;

import java.util.List;

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
import org.planwatch.common.ApiException;
import org.planwatch.common.Cursor;
import org.planwatch.common.Page;
import org.planwatch.common.QueryParams;
import org.planwatch.evaluation.StatusBasis;
import org.planwatch.plan.Plan;
import org.planwatch.plan.PlanRepository;
import org.planwatch.progress.AxisProgress;
import org.planwatch.progress.ProgressRepository;

@Path("/api/v1/plans/{plan}/axes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Axes")
public class AxisResource {

    @Inject
    PlanRepository plans;
    @Inject
    ProgressRepository progress;

    @GET
    @Operation(summary = "List a plan's axes",
            description = "The plan's axes in order, each with its number of measures and their counts per current status.")
    public Page<AxisProgress> list(
            @Parameter(description = "The plan's period.", example = "2019-2021") @PathParam("plan") String slug,
            @Parameter(description = "Page size, 1 to 200.", example = "50") @QueryParam("limit") String limit,
            @Parameter(description = "The `nextCursor` of the previous page.") @QueryParam("cursor") String cursor) {
        int size = QueryParams.limit(limit);
        int after = Cursor.decodeNumber(cursor);
        Plan plan = plans.require(slug);
        // A plan has at most 99 axes (a database check): they are read at once and paged here.
        List<AxisProgress> axes = progress.axes(plan.id, StatusBasis.LATEST).stream()
                .filter(a -> a.number() > after)
                .toList();
        return Page.of(axes, size, a -> Integer.toString(a.number()));
    }

    @GET
    @Path("/{number}")
    @Operation(summary = "Get an axis", description = "One axis of the plan, with its measure counts per current status.")
    public AxisProgress get(
            @Parameter(description = "The plan's period.", example = "2019-2021") @PathParam("plan") String slug,
            @Parameter(description = "The axis' number in its plan.", example = "3") @PathParam("number") String number) {
        int wanted = QueryParams.positiveNumber("number", number);
        Plan plan = plans.require(slug);
        return progress.axes(plan.id, StatusBasis.LATEST).stream()
                .filter(a -> a.number() == wanted)
                .findFirst()
                .orElseThrow(() -> new ApiException.NotFound("Plan " + slug + " has no axis " + wanted + "."));
    }
}
