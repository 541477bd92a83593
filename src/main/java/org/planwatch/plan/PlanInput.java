package org.planwatch.plan;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.planwatch.domain.Source;

/** A plan to create or its new content. Its period (start and end year) gives its slug, and never changes. */
@Schema(name = "PlanInput")
public record PlanInput(
        @Schema(example = "2024") @NotNull @Min(1900) @Max(2200)
        Integer startYear,

        @Schema(example = "2027") @NotNull @Min(1900) @Max(2200)
        Integer endYear,

        @Schema(example = "Plan national de lutte contre l'exploitation et la traite des êtres humains 2024-2027")
        @NotBlank
        @Size(max = 500)
        String title,

        @Schema(example = "2023-12-11") LocalDate presentedOn,
        @NotNull @Valid Source source) {}
