package org.planwatch.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A document supporting an assessment, and optionally an archived copy of it. */
@Schema(name = "Evidence")
public record EvidenceLink(
        @Schema(example = "https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000047011945")
        @NotBlank
        @Size(max = 2000)
        @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL")
        String url,

        @Schema(
                description = "The document's title; null when none was given.",
                example = "Avis de la CNCDH, Journal officiel",
                nullable = true)
        @Size(max = 500)
        String title,

        @Schema(
                description = "An archived copy of the document, in case the original moves; null when there is none.",
                nullable = true)
        @Size(max = 2000)
        @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL")
        String archivedUrl) {}
