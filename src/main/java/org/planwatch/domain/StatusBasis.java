package org.planwatch.domain;

import java.time.LocalDate;

import jakarta.persistence.Query;

/**
 * Which assessments give the measures their status: each measure's latest assessment (from the
 * most recent evaluation that assessed it), optionally as known on a date (evaluations dated after
 * it ignored), or the assessments of one evaluation. {@link #join()} joins it to the measures.
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

    /** The join that gives each measure (alias {@code m}) its status source as {@code s}: (measure_id, assessment_id, evaluation_id, status). */
    public String join() {
        if (evaluationId != null) {
            return "left join assessment s on s.measure_id = m.id and s.evaluation_id = :basisEvaluation";
        }
        if (asOf == null) {
            return "left join measure_latest_assessment s on s.measure_id = m.id"; // kept by the database (V7)
        }
        return "left join lateral latest_assessment_of(m.id, :basisAsOf) s on true";
    }

    public void bind(Query query) {
        if (evaluationId != null) {
            query.setParameter("basisEvaluation", evaluationId);
        } else if (asOf != null) {
            query.setParameter("basisAsOf", asOf);
        }
    }
}
