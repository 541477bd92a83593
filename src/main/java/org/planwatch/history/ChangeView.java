package org.planwatch.history;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.planwatch.domain.Status;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One entry of the change feed. */
@Schema(name = "Change")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChangeView(
        @Schema(description = "Increasing with commit order.", example = "12") long id,
        @Schema(description = "STATUS_CHANGED: a measure's current status changed; CREATED, UPDATED, DELETED: an edit of the data.",
                example = "STATUS_CHANGED") Change.Kind kind,
        @Schema(example = "2026-11-29T10:15:30Z") OffsetDateTime at,
        @Schema(description = "plan, axis, measure, evaluator, evaluation or assessment.", example = "measure") String resource,
        @Schema(description = "The API path of the resource.", example = "/api/v1/plans/2019-2021/measures/16") String path,
        @Schema(example = "2019-2021") String plan,
        @Schema(description = "For STATUS_CHANGED: the measure's number.", example = "16") Integer measure,
        @Schema(example = "NOT_IMPLEMENTED") Status previousStatus,
        @Schema(example = "Non réalisée") String previousStatusLabel,
        @Schema(example = "PARTIALLY_IMPLEMENTED") Status newStatus,
        @Schema(example = "Partiellement réalisée") String newStatusLabel,
        @Schema(description = "For STATUS_CHANGED: the evaluation that now gives the status (absent when the measure is no longer assessed).")
        Source evaluation) {

    @Schema(name = "ChangeEvaluation")
    public record Source(
            @Schema(example = "2") long id,
            @Schema(example = "2024-03-01") LocalDate date,
            @Schema(example = "cncdh") String evaluator) {
    }

    static ChangeView from(Change c) {
        return new ChangeView(c.id, c.kind, c.occurredAt, c.resource, c.path, c.planSlug, c.measureNumber,
                c.previousStatus, c.previousStatus == null ? null : c.previousStatus.label,
                c.newStatus, c.newStatus == null ? null : c.newStatus.label,
                c.evaluationId == null ? null : new Source(c.evaluationId, c.evaluationDate, c.evaluatorSlug));
    }
}
