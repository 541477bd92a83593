package org.planwatch.evaluation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.planwatch.domain.AxisRef;
import org.planwatch.domain.EvaluatorRef;
import org.planwatch.domain.EvidenceLink;
import org.planwatch.domain.Source;
import org.planwatch.domain.Status;

/** An evaluation with every assessment it made. */
@Schema(name = "EvaluationDetail")
public record EvaluationDetail(
        @Schema(example = "1") long id,

        @Schema(description = "The slug of the evaluated plan.", example = "2019-2021")
        String plan,

        EvaluatorRef evaluator,

        @Schema(
                example =
                        "Évaluation de la mise en œuvre du plan d'action national contre la traite des êtres humains (2019-2021)")
        String title,

        @Schema(example = "2023-01-12") LocalDate date,
        Source source,

        @Schema(
                description =
                        "The evaluation's headline findings, in the source's words (French); null when none was given.",
                example = "Sur 45 mesures, seules trois ont été réalisées. …",
                nullable = true)
        String summary,

        @Schema(example = "45") long assessmentCount,

        @Schema(description = "The status given to each assessed measure, in measure order.")
        List<Item> assessments) {

    @Schema(name = "EvaluationAssessment")
    public record Item(
            @Schema(example = "16") int measure,

            @Schema(example = "Mettre en place un mécanisme national de référence")
            String measureTitle,

            AxisRef axis,
            @Schema(example = "NOT_IMPLEMENTED") Status status,
            @Schema(example = "Non réalisée") String statusLabel,

            @Schema(description = "The evaluator's comment on this measure; null when it made none.", nullable = true)
            String comment,

            @Schema(description = "Documents supporting the assessment.")
            List<EvidenceLink> evidence) {}

    public static EvaluationDetail from(
            Evaluation e, List<Assessment> assessments, Map<Long, List<EvidenceLink>> evidence) {
        List<Item> items = assessments.stream()
                .map(a -> new Item(
                        a.measure.number,
                        a.measure.title,
                        new AxisRef(a.measure.axis.number, a.measure.axis.title),
                        a.status,
                        a.status.label,
                        a.comment,
                        evidence.getOrDefault(a.id, List.of())))
                .toList();
        return new EvaluationDetail(
                e.id,
                e.plan.slug,
                e.evaluator.ref(),
                e.title,
                e.date,
                new Source(e.sourceTitle, e.sourceUrl),
                e.summary,
                items.size(),
                items);
    }
}
