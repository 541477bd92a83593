package org.planwatch.measure;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.planwatch.axis.AxisRef;
import org.planwatch.evaluation.Status;
import org.planwatch.evaluator.EvaluatorRef;

/** A measure with its current status. */
@Schema(name = "Measure")
public record MeasureView(
        @Schema(description = "The measure's number in its plan.", example = "16") int number,
        @Schema(description = "The measure's wording in the source.", example = "Mettre en place un mécanisme national de référence") String title,
        AxisRef axis,
        @Schema(description = "The status given by the most recent evaluation that assessed the measure; NOT_ASSESSED when none did.",
                example = "NOT_IMPLEMENTED") Status status,
        @Schema(example = "Non réalisée") String statusLabel,
        @Schema(description = "The evaluation the status comes from; absent when the measure is NOT_ASSESSED.") StatusSource statusSource) {

    @Schema(name = "StatusSource")
    public record StatusSource(
            @Schema(example = "1") long evaluationId,
            @Schema(example = "2023-01-12") LocalDate date,
            EvaluatorRef evaluator) {
    }
}
