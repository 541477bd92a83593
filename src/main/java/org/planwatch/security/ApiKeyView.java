package org.planwatch.security;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.planwatch.domain.Role;

/** An API key as listed: never its secret. */
@Schema(name = "ApiKey")
public record ApiKeyView(
        @Schema(example = "3") long id,
        @Schema(example = "CNCDH — saisie des avis") String name,
        @Schema(example = "EVALUATOR") Role role,

        @Schema(
                description = "For an EVALUATOR key, the evaluator whose data it may write; null for the other roles.",
                example = "cncdh",
                nullable = true)
        String evaluator,

        @Schema(description = "The key's beginning, to recognise it.", example = "pw_Xk3v9QaL0b2c_")
        String prefix,

        OffsetDateTime createdAt,

        @Schema(description = "When the key was last used to authenticate; null if never.", nullable = true)
        OffsetDateTime lastUsedAt,

        @Schema(description = "When the key was revoked; null while it is valid.", nullable = true)
        OffsetDateTime revokedAt) {

    static ApiKeyView from(ApiKey key) {
        return new ApiKeyView(
                key.id,
                key.name,
                key.role,
                key.evaluator == null ? null : key.evaluator.slug,
                "pw_" + key.publicId + "_",
                key.createdAt,
                key.lastUsedAt,
                key.revokedAt);
    }
}
