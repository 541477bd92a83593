package org.planwatch.evaluation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.planwatch.domain.EvidenceLink;
import org.planwatch.domain.Status;

/** The status an evaluation gives one measure, as sent by an evaluator. */
@Schema(name = "NewAssessment")
public record NewAssessment(
        @Schema(description = "The measure's number in the plan.", example = "16") @NotNull @Positive
        Integer measure,

        @Schema(
                description = "IMPLEMENTED, PARTIALLY_IMPLEMENTED or NOT_IMPLEMENTED.",
                example = "PARTIALLY_IMPLEMENTED")
        @NotNull
        Status status,

        @Schema(example = "Un mécanisme national de référence a été annoncé mais n'est pas encore en place.")
        @Size(max = 10000)
        String comment,

        @Size(max = 20) List<@Valid @NotNull EvidenceLink> evidence) {}
