package org.planwatch.evaluation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.planwatch.domain.Source;

/** An evaluation's new metadata; its assessments are changed through their own resources. */
@Schema(name = "EvaluationUpdate")
public record EvaluationUpdate(
        @NotBlank @Size(max = 500) String title,
        @NotNull LocalDate date,
        @NotNull @Valid Source source,
        @Size(max = 20000) String summary) {}
