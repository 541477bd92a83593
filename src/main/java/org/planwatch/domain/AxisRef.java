package org.planwatch.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An axis, as named inside other resources. */
@Schema(name = "AxisRef")
public record AxisRef(
        @Schema(example = "2") int number,

        @Schema(example = "Définir une stratégie d’identification des victimes")
        String title) {}
