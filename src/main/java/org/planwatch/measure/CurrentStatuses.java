package org.planwatch.measure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.stream.Collectors;
import org.planwatch.domain.StatusBasis;
import org.planwatch.history.MeasureStatuses;

/** The measures' current statuses, for the change feed: what the measure list shows, read the same way. */
@ApplicationScoped
public class CurrentStatuses implements MeasureStatuses {

    @Inject
    MeasureRepository measures;

    @Override
    public Map<Integer, Current> of(String planSlug) {
        return measures.all(planSlug, MeasureFilter.ALL, StatusBasis.LATEST).stream()
                .collect(Collectors.toMap(MeasureView::number, CurrentStatuses::current));
    }

    private static Current current(MeasureView m) {
        return m.statusSource() == null
                ? new Current(m.status(), null, null, null)
                : new Current(
                        m.status(),
                        m.statusSource().evaluationId(),
                        m.statusSource().date(),
                        m.statusSource().evaluator().slug());
    }
}
