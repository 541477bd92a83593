package org.planwatch.plan;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.planwatch.domain.AxisProgress;
import org.planwatch.domain.EvaluationRef;
import org.planwatch.domain.Progress;
import org.planwatch.domain.Source;

/** A plan with its headline progress. */
@Schema(name = "Plan")
public record PlanView(
        @Schema(description = "The plan's period, which addresses it.", example = "2019-2021")
        String slug,

        @Schema(example = "2nd plan d'action national contre la traite des êtres humains 2019-2021")
        String title,

        @Schema(example = "2019") int startYear,
        @Schema(example = "2021") int endYear,

        @Schema(
                description = "The date the plan was presented; null when it is not known.",
                example = "2019-10-18",
                nullable = true)
        LocalDate presentedOn,

        @Schema(description = "Where the plan's axes and measures were read.")
        Source source,

        @Schema(example = "6") int axisCount,
        @Schema(example = "45") long measureCount,

        @Schema(
                description =
                        "Each measure counted at its current status: the one given by the most recent evaluation that assessed it.")
        Progress progress,

        @Schema(description = "The plan's most recent evaluation; null when none was published.", nullable = true)
        EvaluationRef latestEvaluation) {

    public static PlanView from(Plan plan, List<AxisProgress> axes, EvaluationRef latest) {
        Progress progress = Progress.overall(axes);
        return new PlanView(
                plan.slug,
                plan.title,
                plan.startYear,
                plan.endYear,
                plan.presentedOn,
                new Source(plan.sourceTitle, plan.sourceUrl),
                axes.size(),
                progress.measureCount(),
                progress,
                latest);
    }
}
