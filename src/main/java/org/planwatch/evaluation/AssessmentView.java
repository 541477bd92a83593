package org.planwatch.evaluation;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.planwatch.domain.AxisRef;
import org.planwatch.domain.EvaluationRef;
import org.planwatch.domain.EvidenceLink;
import org.planwatch.domain.Status;

/** One assessment: the status an evaluation gave a measure, with its comment and evidence. */
@Schema(name = "Assessment")
public record AssessmentView(
        EvaluationRef evaluation,
        @Schema(example = "16") int measure,

        @Schema(example = "Mettre en place un mécanisme national de référence")
        String measureTitle,

        AxisRef axis,
        @Schema(example = "NOT_IMPLEMENTED") Status status,
        @Schema(example = "Non réalisée") String statusLabel,

        @Schema(description = "The evaluator's comment on this measure; null when it made none.", nullable = true)
        String comment,

        List<EvidenceLink> evidence) {

    public static AssessmentView from(Assessment a, List<EvidenceLink> evidence) {
        return new AssessmentView(
                a.evaluation.ref(),
                a.measure.number,
                a.measure.title,
                new AxisRef(a.measure.axis.number, a.measure.axis.title),
                a.status,
                a.status.label,
                a.comment,
                evidence);
    }
}
