package org.planwatch.measure;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.planwatch.domain.AxisRef;
import org.planwatch.domain.EvaluationRef;
import org.planwatch.domain.EvidenceLink;
import org.planwatch.domain.MeasureFields;
import org.planwatch.domain.MeasureRef;
import org.planwatch.domain.Status;

/** A measure, its current status and every assessment of it. */
@Schema(name = "MeasureDetail")
public record MeasureDetail(
        @Schema(description = "The slug of the measure's plan.", example = "2019-2021")
        String plan,

        @Schema(example = "16") int number,

        @Schema(example = "Mettre en place un mécanisme national de référence")
        String title,

        AxisRef axis,
        @Schema(example = "NOT_IMPLEMENTED") Status status,
        @Schema(example = "Non réalisée") String statusLabel,

        @Schema(
                description = "The evaluation the status comes from; null when the measure is NOT_ASSESSED.",
                nullable = true)
        MeasureView.StatusSource statusSource,

        @Schema(description = "Each evaluator's latest status for the measure.")
        List<MeasureView.EvaluatorStatus> evaluatorStatuses,

        @Schema(description = "True when the evaluators' latest statuses disagree.")
        boolean divergent,

        @Schema(description = "Every assessment of the measure, newest evaluation first.")
        List<Item> assessments,

        @Schema(description = MeasureFields.LEAD, example = "MIPROF", nullable = true)
        String lead,

        @Schema(description = MeasureFields.DUE_BY, example = "2025", nullable = true)
        String dueBy,

        @Schema(description = MeasureFields.OVERDUE, example = "false")
        boolean overdue,

        @Schema(description = MeasureFields.CONTINUES, nullable = true)
        MeasureRef continues,

        @Schema(
                description = "The measures of later plans that take this one up, oldest plan first; "
                        + "GET .../lineage gives the whole chain.")
        List<MeasureRef> continuedBy) {

    @Schema(name = "MeasureAssessment")
    public record Item(
            EvaluationRef evaluation,
            @Schema(example = "NOT_IMPLEMENTED") Status status,
            @Schema(example = "Non réalisée") String statusLabel,

            @Schema(description = "The evaluator's comment on this measure; null when it made none.", nullable = true)
            String comment,

            @Schema(description = "Documents supporting the assessment.")
            List<EvidenceLink> evidence) {}

    public static MeasureDetail from(
            String plan, MeasureView measure, List<Item> assessments, List<MeasureRef> continuedBy) {
        return new MeasureDetail(
                plan,
                measure.number(),
                measure.title(),
                measure.axis(),
                measure.status(),
                measure.statusLabel(),
                measure.statusSource(),
                measure.evaluatorStatuses(),
                measure.divergent(),
                assessments,
                measure.lead(),
                measure.dueBy(),
                measure.overdue(),
                measure.continues(),
                continuedBy);
    }
}
