package org.planwatch.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a fact was read: a document's title and address. */
@Schema(name = "Source")
public record Source(
        @Schema(
                example =
                        "Avis de la CNCDH adopté en assemblée plénière le 12 janvier 2023 à l'unanimité (Journal officiel)")
        @NotBlank
        @Size(max = 500)
        String title,

        @Schema(example = "https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000047011945")
        @NotBlank
        @Size(max = 2000)
        @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL")
        String url) {}
