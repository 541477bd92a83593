package org.planwatch.evaluation;

import java.time.LocalDate;

import jakarta.persistence.Query;

/**
 * Which assessments give the measures their status: each measure's latest assessment (from the
 * most recent evaluation that assessed it), optionally as known on a date (evaluations dated after
 * it ignored), or the assessments of one evaluation. {@link #source()} is a relation
 * (measure_id, assessment_id, evaluation_id, status) to join on.
 */
public record StatusBasis(Long evaluationId, LocalDate asOf) {

    public static final StatusBasis LATEST = new StatusBasis(null, null);

    public static StatusBasis evaluation(long evaluationId) {
        return new StatusBasis(evaluationId, null);
    }

    /** The latest statuses known on a date; today's when the date is null. */
    public static StatusBasis asOf(LocalDate date) {
        return new StatusBasis(null, date);
    }

    public String source() {
        if (evaluationId != null) {
            return "(select measure_id, id as assessment_id, evaluation_id, status from assessment where evaluation_id = :basisEvaluation)";
        }
        return asOf == null ? "latest_assessment(null)" : "latest_assessment(:basisAsOf)";
    }

    public void bind(Query query) {
        if (evaluationId != null) {
            query.setParameter("basisEvaluation", evaluationId);
        } else if (asOf != null) {
            query.setParameter("basisAsOf", asOf);
        }
    }
}
