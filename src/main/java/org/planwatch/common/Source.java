package org.planwatch.common;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a fact was read: a document's title and address. */
@Schema(name = "Source")
public record Source(
        @Schema(example = "Avis de la CNCDH adopté en assemblée plénière le 12 janvier 2023 à l'unanimité (Journal officiel)") String title,
        @Schema(example = "https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000047011945") String url) {
}
