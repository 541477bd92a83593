package org.planwatch.measure;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.planwatch.domain.MeasureAddress;
import org.planwatch.domain.MeasureFields;

/** A measure to create, or its new content (its number never changes; its axis may). */
@Schema(name = "MeasureInput")
public record MeasureInput(
        @Schema(example = "46") @NotNull @Min(1) @Max(999) Integer number,

        @Schema(description = "The number of the measure's axis in the plan.", example = "3") @NotNull @Min(1) @Max(99)
        Integer axis,

        @Schema(example = "Créer un fonds d'indemnisation des victimes") @NotBlank @Size(max = 1000)
        String title,

        @Schema(description = MeasureFields.LEAD, example = "MIPROF", nullable = true) @Size(max = 500)
        String lead,

        @Schema(description = MeasureFields.DUE_BY, example = "2025", nullable = true) @Size(max = 20)
        String dueBy,

        @Schema(description = MeasureFields.CONTINUES, nullable = true) @Valid
        MeasureAddress continues) {}
