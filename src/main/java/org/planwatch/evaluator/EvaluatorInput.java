package org.planwatch.evaluator;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.planwatch.common.http.QueryParams;

/** An evaluator to create, or its new content (its slug never changes). */
@Schema(name = "EvaluatorInput")
public record EvaluatorInput(
        @Schema(example = "greta")
        @NotBlank
        @Size(max = QueryParams.SLUG_MAX_LENGTH)
        @Pattern(
                regexp = QueryParams.SLUG,
                message = "must be lower-case letters and digits, in words joined by hyphens")
        String slug,

        @Schema(example = "Groupe d'experts sur la lutte contre la traite des êtres humains") @NotBlank @Size(max = 500)
        String name,

        @Schema(example = "GRETA") @NotBlank @Size(max = 100)
        String shortName,

        @Schema(example = "INTERNATIONAL_BODY") @NotNull EvaluatorKind kind,

        @Schema(example = "https://www.coe.int/en/web/anti-human-trafficking")
        @Size(max = 2000)
        @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL")
        String website) {}
