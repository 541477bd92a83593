package org.planwatch.history;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.planwatch.domain.Status;

/** One entry of the change feed. */
@Schema(name = "Change")
public record ChangeView(
        @Schema(description = "Increasing with commit order.", example = "12")
        long id,

        @Schema(
                description =
                        "STATUS_CHANGED: a measure's current status changed; CREATED, UPDATED, DELETED: an edit of the data.",
                example = "STATUS_CHANGED")
        Change.Kind kind,

        @Schema(example = "2026-11-29T10:15:30Z") OffsetDateTime at,

        @Schema(description = "plan, axis, measure, evaluator, evaluation or assessment.", example = "measure")
        String resource,

        @Schema(description = "The API path of the resource.", example = "/api/v1/plans/2019-2021/measures/16")
        String path,

        @Schema(
                description = "The plan the resource belongs to; null when it belongs to none (an evaluator).",
                example = "2019-2021",
                nullable = true)
        String plan,

        @Schema(
                description = "For STATUS_CHANGED: the measure's number; null for the other kinds.",
                example = "16",
                nullable = true)
        Integer measure,

        @Schema(
                description = "For STATUS_CHANGED: the measure's status before; null for the other kinds.",
                example = "NOT_IMPLEMENTED",
                nullable = true)
        Status previousStatus,

        @Schema(
                description = "The French label of `previousStatus`; null when it is null.",
                example = "Non réalisée",
                nullable = true)
        String previousStatusLabel,

        @Schema(
                description = "For STATUS_CHANGED: the measure's status now; null for the other kinds.",
                example = "PARTIALLY_IMPLEMENTED",
                nullable = true)
        Status newStatus,

        @Schema(
                description = "The French label of `newStatus`; null when it is null.",
                example = "Partiellement réalisée",
                nullable = true)
        String newStatusLabel,

        @Schema(
                description =
                        "For STATUS_CHANGED: the evaluation that now gives the status; null when the measure is no longer assessed,"
                                + " and for the other kinds.",
                nullable = true)
        Source evaluation) {

    @Schema(name = "ChangeEvaluation")
    public record Source(
            @Schema(example = "2") long id,
            @Schema(example = "2024-03-01") LocalDate date,
            @Schema(example = "cncdh") String evaluator) {}

    static ChangeView from(Change c) {
        return new ChangeView(
                c.id,
                c.kind,
                c.occurredAt,
                c.resource,
                c.path,
                c.planSlug,
                c.measureNumber,
                c.previousStatus,
                c.previousStatus == null ? null : c.previousStatus.label,
                c.newStatus,
                c.newStatus == null ? null : c.newStatus.label,
                c.evaluationId == null ? null : new Source(c.evaluationId, c.evaluationDate, c.evaluatorSlug));
    }
}
