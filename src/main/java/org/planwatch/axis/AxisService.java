package org.planwatch.axis;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import org.planwatch.common.db.TakenUp;
import org.planwatch.common.problem.ApiException;
import org.planwatch.common.problem.Problem;
import org.planwatch.domain.ApiPaths;
import org.planwatch.domain.AxisProgress;
import org.planwatch.domain.StatusBasis;
import org.planwatch.history.Writes;
import org.planwatch.plan.Plan;
import org.planwatch.plan.PlanRepository;
import org.planwatch.progress.ProgressRepository;

/** An axis' representation, and writing axes. */
@ApplicationScoped
public class AxisService {

    @Inject
    PlanRepository plans;

    @Inject
    AxisRepository axes;

    @Inject
    ProgressRepository progress;

    @Inject
    Writes writes;

    public AxisProgress view(Plan plan, int number, StatusBasis basis) {
        return progress.axes(plan.id, basis).stream()
                .filter(a -> a.number() == number)
                .findFirst()
                .orElseThrow(() -> new ApiException.NotFound("Plan " + plan.slug + " has no axis " + number + "."));
    }

    @Transactional
    public AxisProgress create(String planSlug, AxisInput input) {
        return writes.create(
                planSlug,
                () -> {
                    Plan plan = plans.require(planSlug);
                    if (axes.findByNumber(plan, input.number()).isPresent()) {
                        throw new ApiException.Conflict(
                                "Plan " + planSlug + " already has an axis " + input.number() + ".");
                    }
                    Axis axis = new Axis();
                    axis.plan = plan;
                    axis.number = input.number();
                    axis.title = input.title().strip();
                    axes.persist(axis);
                    return axis;
                },
                axis -> subject(axis.plan, axis.number));
    }

    @Transactional
    public AxisProgress update(String planSlug, int number, String ifMatch, AxisInput input) {
        return writes.update(ifMatch, () -> subject(plans.require(planSlug), number), () -> {
            if (input.number() != number) {
                throw new ApiException.Unprocessable(
                        "An axis' number is its address and cannot change.",
                        List.of(new Problem.FieldError("number", "must stay " + number)));
            }
            axes.findByNumber(plans.require(planSlug), number).orElseThrow().title =
                    input.title().strip();
        });
    }

    /** Deletes an axis; with cascade, also its measures and their assessments, otherwise 409 when it has measures. */
    @Transactional
    public void delete(String planSlug, int number, String ifMatch, boolean cascade) {
        writes.delete(ifMatch, () -> subject(plans.require(planSlug), number), before -> {
            Axis axis = axes.findByNumber(plans.require(planSlug), number).orElseThrow();
            TakenUp.refuseDeleting("Axis " + number + " of plan " + planSlug, axes.takenUp(axis));
            if (!cascade && before.progress().measureCount() > 0) {
                throw new ApiException.Conflict(
                        "Axis " + number + " of plan " + planSlug + " has "
                                + before.progress().measureCount()
                                + " measures. Delete them first, or send cascade=true to delete them, and their assessments, with the axis.");
            }
            axes.deleteWithMeasures(axis);
        });
    }

    private Writes.Subject<AxisProgress> subject(Plan plan, int number) {
        return Writes.Subject.of(
                "axis", ApiPaths.axis(plan.slug, number), plan.slug, view(plan, number, StatusBasis.LATEST));
    }
}
