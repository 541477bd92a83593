package org.planwatch.plan;

import java.util.List;
import java.util.Map;

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
import org.planwatch.common.Cursor;
import org.planwatch.common.Page;
import org.planwatch.common.QueryParams;
import org.planwatch.evaluation.Evaluation;
import org.planwatch.evaluation.EvaluationRepository;
import org.planwatch.evaluation.StatusBasis;
import org.planwatch.progress.AxisProgress;
import org.planwatch.progress.ProgressRepository;

@Path("/api/v1/plans")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Plans")
public class PlanResource {

    @Inject
    PlanRepository plans;
    @Inject
    ProgressRepository progress;
    @Inject
    EvaluationRepository evaluations;

    @GET
    @Operation(summary = "List plans",
            description = "The national action plans, latest first, each with its headline progress: how many of its measures are "
                    + "implemented, partially implemented, not implemented or not yet assessed.")
    public Page<PlanView> list(
            @Parameter(description = "Page size, 1 to 200.", example = "50") @QueryParam("limit") String limit,
            @Parameter(description = "The `nextCursor` of the previous page.") @QueryParam("cursor") String cursor) {
        int size = QueryParams.limit(limit);
        List<Plan> page = plans.page(Cursor.decode(cursor), size);
        List<Long> ids = page.stream().map(p -> p.id).toList();
        Map<Long, List<AxisProgress>> axes = progress.axesByPlan(ids, StatusBasis.LATEST);
        Map<Long, Evaluation> latest = evaluations.latestByPlan(ids);
        List<PlanView> views = page.stream()
                .map(p -> PlanView.from(p, axes.getOrDefault(p.id, List.of()), latest.get(p.id)))
                .toList();
        return Page.of(views, size, PlanView::slug);
    }

    @GET
    @Path("/{plan}")
    @Operation(summary = "Get a plan", description = "The plan, its source and its headline progress.")
    public PlanView get(@Parameter(description = "The plan's period.", example = "2019-2021") @PathParam("plan") String slug) {
        Plan plan = plans.require(slug);
        return PlanView.from(plan, progress.axes(plan.id, StatusBasis.LATEST),
                evaluations.latestByPlan(List.of(plan.id)).get(plan.id));
    }
}
