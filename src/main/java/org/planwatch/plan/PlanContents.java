package org.planwatch.plan;

import java.util.List;
import org.planwatch.common.problem.Problem;

/**
 * Creates a loaded plan's axes and measures. The measure folder provides it: plans sit below axes and measures.
 */
public interface PlanContents {

    /** The measures whose continues target does not exist, named by their line. */
    List<Problem.FieldError> unknownTargets(List<PlanLoad.MeasureLine> measures);

    /** Creates the axes and measures of {@code load} in {@code plan}, which has none: the load has no problem left. */
    void create(Plan plan, PlanLoad load);
}
