package org.planwatch.history;

import java.time.LocalDate;
import java.util.Map;
import org.planwatch.domain.Status;

/**
 * The current status of each measure of a plan, which the history compares before and after a write to list the
 * status changes it caused. The measure folder provides it: the history sits below the features it records.
 */
public interface MeasureStatuses {

    /** A measure's current status and the evaluation it comes from (null when the measure is NOT_ASSESSED). */
    record Current(Status status, Long evaluationId, LocalDate evaluationDate, String evaluatorSlug) {}

    /** Every measure of the plan by its number; empty when there is no such plan. */
    Map<Integer, Current> of(String planSlug);
}
