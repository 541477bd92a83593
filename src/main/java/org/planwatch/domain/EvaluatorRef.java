package org.planwatch.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An evaluator, as named inside other resources. */
@Schema(name = "EvaluatorRef")
public record EvaluatorRef(
        @Schema(example = "cncdh") String slug,

        @Schema(example = "Commission nationale consultative des droits de l'homme")
        String name,

        @Schema(example = "CNCDH") String shortName) {}
