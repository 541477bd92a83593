package org.planwatch.evaluation;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.planwatch.domain.EvaluatorRef;
import org.planwatch.domain.Source;

/** An evaluation in a list: what it is, who made it, when, and where it was published. */
@Schema(name = "Evaluation")
public record EvaluationView(
        @Schema(example = "1") long id,

        @Schema(description = "The slug of the evaluated plan.", example = "2019-2021")
        String plan,

        EvaluatorRef evaluator,

        @Schema(
                example =
                        "Évaluation de la mise en œuvre du plan d'action national contre la traite des êtres humains (2019-2021)")
        String title,

        @Schema(
                description = "The date the evaluation was adopted or, failing that, published.",
                example = "2023-01-12")
        LocalDate date,

        Source source,

        @Schema(
                description =
                        "The evaluation's headline findings, in the source's words (French); null when none was given.",
                example = "Sur 45 mesures, seules trois ont été réalisées. …",
                nullable = true)
        String summary,

        @Schema(description = "How many measures this evaluation assessed.", example = "45")
        long assessmentCount) {

    public static EvaluationView from(Evaluation e, long assessmentCount) {
        return new EvaluationView(
                e.id,
                e.plan.slug,
                e.evaluator.ref(),
                e.title,
                e.date,
                new Source(e.sourceTitle, e.sourceUrl),
                e.summary,
                assessmentCount);
    }
}
