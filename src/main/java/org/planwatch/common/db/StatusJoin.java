package org.planwatch.common.db;

import jakarta.persistence.Query;
import java.time.LocalDate;
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
        return "left join lateral latest_assessment_of(m.id, " + date("basisAsOf") + ") s on true";
    }

    /**
     * True when the measure (alias {@code m}, its status source joined as {@code s}) is overdue on the day bound as
     * {@code overdueOn} (with {@link #bindDate}): its deadline's last day is before it and its status is not IMPLEMENTED.
     * The measure list's overdue filter; the reads that show whether a measure is overdue work it out in Java from the
     * same columns ({@code DueBy.overdue}).
     */
    public static final String OVERDUE = "(coalesce(m.due_by < " + date("overdueOn")
            + ", false) and coalesce(s.status, 'NOT_ASSESSED') <> 'IMPLEMENTED')";

    public static void bind(StatusBasis basis, Query query) {
        if (basis.evaluationId() != null) {
            query.setParameter("basisEvaluation", basis.evaluationId());
        } else if (basis.asOf() != null) {
            bindDate(query, "basisAsOf", basis.asOf());
        }
    }

    /**
     * The date parameter {@code name} (bound with {@link #bindDate}) as SQL: cast from its text once per execution, by
     * a subquery PostgreSQL runs first. Cast where it is used, the text was parsed again for every row the expression
     * met (45 times in the progress of the 2019-2021 plan when it counted overdue measures in SQL; bench/RESULTS.md).
     */
    public static String date(String name) {
        return "(select cast(:" + name + " as date))";
    }

    /**
     * Binds a date as its ISO text, which the SQL casts: {@link #date}. Bound as a {@code LocalDate},
     * the driver sends a date without a type (so that the server may read it as a date or a timestamp); that makes it
     * describe the statement, and then send an extra Sync and wait for the server's answer before every execution of
     * it: one more round trip per read (bench/RESULTS.md, 2026-12-02). Text of a known type costs neither.
     */
    public static void bindDate(Query query, String name, LocalDate date) {
        query.setParameter(name, date.toString());
    }
}
