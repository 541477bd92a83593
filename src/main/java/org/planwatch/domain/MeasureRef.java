package org.planwatch.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A measure named from another one: a measure it takes up, or one that takes it up. */
@Schema(name = "MeasureRef")
public record MeasureRef(
        @Schema(description = "The slug of the measure's plan.", example = "2019-2021")
        String plan,

        @Schema(example = "16") int number,

        @Schema(example = "Mettre en place un mécanisme national de référence")
        String title) {}
