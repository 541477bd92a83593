package org.planwatch.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.planwatch.domain.AxisProgress;
import org.planwatch.domain.StatusBasis;
import org.planwatch.measure.MeasureDetail;
import org.planwatch.measure.MeasureFilter;
import org.planwatch.measure.MeasureLineage;
import org.planwatch.measure.MeasureRepository;
import org.planwatch.measure.MeasureService;
import org.planwatch.measure.MeasureView;
import org.planwatch.plan.Plan;
import org.planwatch.plan.PlanRepository;
import org.planwatch.plan.PlanService;
import org.planwatch.plan.PlanView;
import org.planwatch.progress.ProgressHistory;
import org.planwatch.progress.ProgressRepository;
import org.planwatch.web.Views.Option;

/**
 * What the dashboard's and the embeds' pages read, always today's knowledge (no asOf): which plan a page shows, its
 * axes, measures and history, and the plans a visitor can switch to. The same queries the API answers with.
 */
@ApplicationScoped
public class PlanPages {

    @Inject
    PlanRepository plans;

    @Inject
    PlanService planService;

    @Inject
    ProgressRepository progress;

    @Inject
    MeasureRepository measures;

    @Inject
    MeasureService measureService;

    /** The plan of that slug (a 404 when there is none). */
    Plan plan(String slug) {
        return plans.require(slug);
    }

    /** The plan of that slug, or when none is given the latest plan that has measures (else the latest); empty without plans. */
    Optional<Plan> planOrLatest(String slug) {
        if (slug != null && !slug.isBlank()) {
            return Optional.of(plan(slug.strip()));
        }
        return plans.latestWithMeasures().stream().findFirst();
    }

    /** Every plan, newest first, as the options of a plan chooser with the shown plan selected. */
    List<Option> choices(Plan shown, Function<Plan, String> label) {
        return plans.page(null, 200).stream()
                .map(p -> new Option(p.slug, label.apply(p), p.id.equals(shown.id)))
                .toList();
    }

    List<AxisProgress> axes(Plan plan) {
        return progress.axes(plan.id, StatusBasis.LATEST);
    }

    PlanView view(Plan plan) {
        return planService.view(plan);
    }

    PlanView view(Plan plan, List<AxisProgress> axes) {
        return planService.view(plan, axes);
    }

    List<ProgressHistory.Point> history(Plan plan) {
        return progress.history(plan.id);
    }

    /** The filter checked against the plan (its axis must exist), or a 400 naming the parameter. */
    MeasureFilter checked(Plan plan, MeasureFilter filter) {
        return measureService.checked(plan, filter);
    }

    List<MeasureView> measures(Plan plan, MeasureFilter filter) {
        return measures.all(plan.slug, filter, StatusBasis.LATEST);
    }

    MeasureDetail measure(Plan plan, int number) {
        return measureService.detail(plan.slug, number, null);
    }

    MeasureLineage lineage(Plan plan, int number) {
        return measureService.lineage(plan.slug, number, null);
    }
}
