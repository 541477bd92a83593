package org.planwatch.evaluation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.planwatch.domain.EvidenceLink;
import org.planwatch.domain.Status;

/** An assessment's new content, for PUT /evaluations/{id}/assessments/{measure}. */
@Schema(name = "AssessmentInput")
public record AssessmentInput(
        @Schema(description = "IMPLEMENTED, PARTIALLY_IMPLEMENTED or NOT_IMPLEMENTED.", example = "IMPLEMENTED")
        @NotNull
        Status status,

        @Size(max = 10000) String comment,
        @Size(max = 20) List<@Valid @NotNull EvidenceLink> evidence) {}
