package org.planwatch.evaluation;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.planwatch.evaluator.EvaluatorRef;

/** An evaluation, as named inside other resources. */
@Schema(name = "EvaluationRef")
public record EvaluationRef(
        @Schema(example = "1") long id,
        @Schema(example = "Évaluation de la mise en œuvre du plan d'action national contre la traite des êtres humains (2019-2021)") String title,
        @Schema(description = "The date the evaluation was adopted or, failing that, published.", example = "2023-01-12") LocalDate date,
        EvaluatorRef evaluator) {

    public static EvaluationRef from(Evaluation evaluation) {
        return new EvaluationRef(evaluation.id, evaluation.title, evaluation.date, EvaluatorRef.from(evaluation.evaluator));
    }
}
