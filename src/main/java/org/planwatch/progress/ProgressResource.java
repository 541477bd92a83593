package org.planwatch.progress;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.planwatch.common.http.AsOfParam;
import org.planwatch.common.http.Params;
import org.planwatch.common.http.QueryParams;
import org.planwatch.common.problem.ApiException;
import org.planwatch.domain.ApiPaths;
import org.planwatch.domain.AxisProgress;
import org.planwatch.domain.EvaluationRef;
import org.planwatch.domain.Progress;
import org.planwatch.domain.StatusBasis;
import org.planwatch.plan.Plan;
import org.planwatch.plan.PlanRepository;

@Path(ApiPaths.PLAN + "/progress")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Progress")
public class ProgressResource {

    @Inject
    PlanRepository plans;

    @Inject
    ProgressRepository progress;

    @GET
    @Operation(
            summary = "Get a plan's progress",
            description =
                    "Counts and shares of measures per status, for the whole plan and for each axis. By default each measure "
                            + "counts at its current status (the most recent evaluation that assessed it); with `evaluation`, at the status "
                            + "that one evaluation gave it.")
    public ProgressView get(
            @Parameter(description = Params.PLAN, example = Params.PLAN_EXAMPLE) @PathParam("plan") String slug,
            @Parameter(
                            description =
                                    "Count the statuses given by this evaluation of the plan (its id) instead of the current ones.",
                            example = "1")
                    @QueryParam("evaluation")
                    String evaluation,
            @BeanParam AsOfParam asOf) {
        Integer evaluationId = QueryParams.positiveNumber("evaluation", evaluation);
        LocalDate date = asOf.date();
        if (evaluationId != null && date != null) {
            throw new ApiException.InvalidParameter(
                    "asOf", "cannot be combined with evaluation, which already fixes the statuses counted");
        }
        if (evaluationId == null) {
            List<AxisProgress> axes = progress.axes(slug, StatusBasis.asOf(date));
            if (axes.isEmpty()) {
                plans.require(slug); // no axes: the plan may not exist
            }
            return new ProgressView(slug, ProgressView.Basis.LATEST, null, Progress.overall(axes), axes);
        }
        Plan plan = plans.require(slug);
        EvaluationRef counted = progress.evaluation(evaluationId, plan.id)
                .orElseThrow(() -> new ApiException.NotFound("Plan " + slug + " has no evaluation " + evaluationId
                        + ". GET " + ApiPaths.evaluations(slug) + " lists them."));
        List<AxisProgress> axes = progress.axes(plan.id, StatusBasis.evaluation(counted.id()));
        return new ProgressView(plan.slug, ProgressView.Basis.EVALUATION, counted, Progress.overall(axes), axes);
    }

    @GET
    @Path("/history")
    @Operation(
            summary = "Get a plan's progress over time",
            description =
                    "For each date on which an evaluation of the plan was adopted or published, oldest first, the counts and "
                            + "shares per status for the plan and each axis as known on that date: the points of a progress curve.")
    public ProgressHistory history(
            @Parameter(description = Params.PLAN, example = Params.PLAN_EXAMPLE) @PathParam("plan") String slug) {
        Plan plan = plans.require(slug);
        return new ProgressHistory(plan.slug, progress.history(plan.id));
    }
}
