package org.planwatch.evaluation;

import jakarta.persistence.Query;

/**
 * Which assessments give the measures their status: by default each measure's latest assessment
 * (from the most recent evaluation that assessed it), or the assessments of one evaluation.
 * {@link #source()} is a relation (measure_id, assessment_id, evaluation_id, status) to join on.
 */
public record StatusBasis(Long evaluationId) {

    public static final StatusBasis LATEST = new StatusBasis(null);

    public static StatusBasis evaluation(long evaluationId) {
        return new StatusBasis(evaluationId);
    }

    public String source() {
        return evaluationId == null
                ? "latest_assessment(null)"
                : "(select measure_id, id as assessment_id, evaluation_id, status from assessment where evaluation_id = :basisEvaluation)";
    }

    public void bind(Query query) {
        if (evaluationId != null) {
            query.setParameter("basisEvaluation", evaluationId);
        }
    }
}
