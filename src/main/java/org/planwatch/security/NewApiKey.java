package org.planwatch.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.planwatch.domain.Role;

/** A key to create: ADMIN, EVALUATOR tied to one evaluator, or SUBSCRIBER (its own webhook subscriptions). */
@Schema(name = "NewApiKey")
public record NewApiKey(
        @Schema(description = "Who or what uses the key.", example = "CNCDH — saisie des avis")
        @NotBlank
        @Size(max = 100)
        String name,

        @Schema(example = "EVALUATOR") @NotNull Role role,

        @Schema(
                description =
                        "Required for EVALUATOR keys, absent for ADMIN and SUBSCRIBER keys: the evaluator's slug.",
                example = "cncdh")
        String evaluator) {}
