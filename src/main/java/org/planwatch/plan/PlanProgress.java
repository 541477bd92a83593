package org.planwatch.plan;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.planwatch.domain.AxisProgress;
import org.planwatch.domain.StatusBasis;

/**
 * The status counts of plans' axes, for a plan's headline progress. The progress folder provides it (its
 * repository counts the statuses of any number of plans in one statement): plans sit below the progress views.
 */
public interface PlanProgress {

    /** Each plan's axes in order, with their progress; plans without axes are absent. */
    Map<Long, List<AxisProgress>> axesByPlan(Collection<Long> planIds, StatusBasis basis);

    /** One plan's axes in order, with their progress. */
    List<AxisProgress> axes(long planId, StatusBasis basis);
}
