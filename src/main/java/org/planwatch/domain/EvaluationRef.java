package org.planwatch.domain;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An evaluation, as named inside other resources. */
@Schema(name = "EvaluationRef")
public record EvaluationRef(
        @Schema(example = "1") long id,

        @Schema(
                example =
                        "Évaluation de la mise en œuvre du plan d'action national contre la traite des êtres humains (2019-2021)")
        String title,

        @Schema(
                description = "The date the evaluation was adopted or, failing that, published.",
                example = "2023-01-12")
        LocalDate date,

        EvaluatorRef evaluator) {}
