package org.planwatch.axis;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An axis to create, or its new content (its number never changes). */
@Schema(name = "AxisInput")
public record AxisInput(
        @Schema(example = "7") @NotNull @Min(1) @Max(99) Integer number,

        @Schema(example = "Lutter contre l'exploitation par le travail") @NotBlank @Size(max = 500)
        String title) {}
