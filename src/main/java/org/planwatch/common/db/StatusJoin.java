package org.planwatch.common.db;

import jakarta.persistence.Query;
import org.planwatch.domain.StatusBasis;

/** The SQL that gives each measure its status on a {@link StatusBasis}, for the native queries of the read repositories. */
public final class StatusJoin {

    private StatusJoin() {}

    /** The join that gives each measure (alias {@code m}) its status source as {@code s}: (measure_id, assessment_id, evaluation_id, status). */
    public static String of(StatusBasis basis) {
        if (basis.evaluationId() != null) {
            return "left join assessment s on s.measure_id = m.id and s.evaluation_id = :basisEvaluation";
        }
        if (basis.asOf() == null) {
            return "left join measure_latest_assessment s on s.measure_id = m.id"; // kept by the database (V7)
        }
        return "left join lateral latest_assessment_of(m.id, :basisAsOf) s on true";
    }

    /**
     * True when the measure (alias {@code m}, its status source joined as {@code s}) is overdue on the day bound as
     * {@code :overdueOn}: its deadline's last day is before it and its status is not IMPLEMENTED.
     */
    public static final String OVERDUE = overdueOn(":overdueOn");

    /** The same, on the day the SQL expression {@code day} gives (a parameter, or a column). */
    public static String overdueOn(String day) {
        return "(coalesce(m.due_by < " + day + ", false) and coalesce(s.status, 'NOT_ASSESSED') <> 'IMPLEMENTED')";
    }

    public static void bind(StatusBasis basis, Query query) {
        if (basis.evaluationId() != null) {
            query.setParameter("basisEvaluation", basis.evaluationId());
        } else if (basis.asOf() != null) {
            query.setParameter("basisAsOf", basis.asOf());
        }
    }
}
