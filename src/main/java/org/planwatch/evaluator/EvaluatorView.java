package org.planwatch.evaluator;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A body that assesses plans. */
@Schema(name = "Evaluator")
public record EvaluatorView(
        @Schema(example = "cncdh") String slug,

        @Schema(example = "Commission nationale consultative des droits de l'homme")
        String name,

        @Schema(example = "CNCDH") String shortName,
        @Schema(example = "INDEPENDENT_RAPPORTEUR") EvaluatorKind kind,
        @Schema(example = "Rapporteur national indépendant") String kindLabel,

        @Schema(
                description = "The evaluator's website; null when it has none.",
                example = "https://www.cncdh.fr",
                nullable = true)
        String website) {

    public static EvaluatorView from(Evaluator e) {
        return new EvaluatorView(e.slug, e.name, e.shortName, e.kind, e.kind.label, e.website);
    }
}
