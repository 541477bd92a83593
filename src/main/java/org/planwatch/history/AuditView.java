package org.planwatch.history;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One write, as the audit trail keeps it. */
@Schema(name = "AuditEntry")
public record AuditView(
        @Schema(example = "7") long id,
        @Schema(example = "2026-11-29T10:15:30Z") OffsetDateTime at,

        @Schema(description = "The API key's name.", example = "CNCDH — saisie des avis")
        String actor,

        @Schema(example = "EVALUATOR") String role,

        @Schema(
                description = "The API key's id; null for the administrator key of the configuration.",
                example = "3",
                nullable = true)
        Long apiKeyId,

        @Schema(example = "POST") String method,

        @Schema(description = "The request's path.", example = "/api/v1/plans/2019-2021/evaluations")
        String requestPath,

        @Schema(example = "CREATED") String action,

        @Schema(description = "The API path of the written resource.", example = "/api/v1/evaluations/2")
        String resource,

        @Schema(description = "The resource before the write, as GET showed it; null for a creation.")
        JsonNode before,

        @Schema(description = "The resource after the write, as GET shows it; null for a deletion.")
        JsonNode after) {}
