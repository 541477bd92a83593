package org.planwatch.measure;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.planwatch.domain.AxisRef;
import org.planwatch.domain.EvaluatorRef;
import org.planwatch.domain.MeasureFields;
import org.planwatch.domain.MeasureRef;
import org.planwatch.domain.Status;

/** A measure with its current status, overall and according to each evaluator. */
@Schema(name = "Measure")
public record MeasureView(
        @Schema(description = "The measure's number in its plan.", example = "16")
        int number,

        @Schema(
                description = "The measure's wording in the source.",
                example = "Mettre en place un mécanisme national de référence")
        String title,

        AxisRef axis,

        @Schema(
                description =
                        "The status given by the most recent evaluation that assessed the measure; NOT_ASSESSED when none did.",
                example = "NOT_IMPLEMENTED")
        Status status,

        @Schema(example = "Non réalisée") String statusLabel,

        @Schema(
                description = "The evaluation the status comes from; null when the measure is NOT_ASSESSED.",
                nullable = true)
        StatusSource statusSource,

        @Schema(description = "Each evaluator's latest status for the measure, by evaluator slug.")
        List<EvaluatorStatus> evaluatorStatuses,

        @Schema(description = "True when the evaluators' latest statuses disagree.", example = "false")
        boolean divergent,

        @Schema(description = MeasureFields.LEAD, example = "MIPROF", nullable = true)
        String lead,

        @Schema(description = MeasureFields.DUE_BY, example = "2025", nullable = true)
        String dueBy,

        @Schema(description = MeasureFields.OVERDUE, example = "false")
        boolean overdue,

        @Schema(description = MeasureFields.CONTINUES, nullable = true)
        MeasureRef continues) {

    @Schema(name = "StatusSource")
    public record StatusSource(
            @Schema(example = "1") long evaluationId,
            @Schema(example = "2023-01-12") LocalDate date,
            EvaluatorRef evaluator) {}

    @Schema(name = "EvaluatorStatus")
    public record EvaluatorStatus(
            EvaluatorRef evaluator,
            @Schema(example = "NOT_IMPLEMENTED") Status status,
            @Schema(example = "Non réalisée") String statusLabel,
            @Schema(example = "1") long evaluationId,
            @Schema(example = "2023-01-12") LocalDate date) {}

    MeasureView withEvaluatorStatuses(List<EvaluatorStatus> statuses) {
        boolean divergent =
                statuses.stream().map(EvaluatorStatus::status).distinct().count() > 1;
        return new MeasureView(
                number,
                title,
                axis,
                status,
                statusLabel,
                statusSource,
                statuses,
                divergent,
                lead,
                dueBy,
                overdue,
                continues);
    }
}
