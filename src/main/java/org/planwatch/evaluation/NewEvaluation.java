package org.planwatch.evaluation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.planwatch.domain.Source;

/** A new evaluation of a plan, with (optionally) all its assessments: recorded all or nothing. */
@Schema(name = "NewEvaluation")
public record NewEvaluation(
        @Schema(description = "The evaluator's slug.", example = "cncdh") @NotBlank
        String evaluator,

        @Schema(example = "Évaluation à mi-parcours du plan d'action national (2019-2021)") @NotBlank @Size(max = 500)
        String title,

        @Schema(
                description = "The date the evaluation was adopted or, failing that, published.",
                example = "2024-03-01")
        @NotNull
        LocalDate date,

        @NotNull @Valid Source source,
        @Size(max = 20000) String summary,

        @Schema(description = "The status given to each assessed measure; at most one per measure.") @Size(max = 1000)
        List<@Valid @NotNull NewAssessment> assessments) {}
