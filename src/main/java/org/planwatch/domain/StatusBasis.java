package org.planwatch.domain;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Which assessments give the measures their status: each measure's latest assessment (from the
 * most recent evaluation that assessed it), optionally as known on a date (evaluations dated after
 * it ignored), or the assessments of one evaluation. StatusJoin (common/db) joins it to the measures in SQL.
 */
public record StatusBasis(Long evaluationId, LocalDate asOf) {

    public static final StatusBasis LATEST = new StatusBasis(null, null);

    public static StatusBasis evaluation(long evaluationId) {
        return new StatusBasis(evaluationId, null);
    }

    /**
     * The day a measure's deadline is compared with to tell whether it is overdue: the asOf date, or today (UTC, from
     * the service's clock).
     */
    public LocalDate day(Clock clock) {
        return asOf != null ? asOf : LocalDate.now(clock);
    }

    /** The latest statuses known on a date; today's when the date is null. */
    public static StatusBasis asOf(LocalDate date) {
        return new StatusBasis(null, date);
    }
}
