package org.planwatch.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.planwatch.common.db.TakenUp;
import org.planwatch.common.problem.ApiException;
import org.planwatch.common.problem.Problem;
import org.planwatch.domain.ApiPaths;
import org.planwatch.domain.AxisProgress;
import org.planwatch.domain.StatusBasis;
import org.planwatch.history.Writes;

/** A plan's representation, and writing plans. */
@ApplicationScoped
public class PlanService {

    @Inject
    PlanRepository plans;

    @Inject
    PlanProgress progress;

    @Inject
    Writes writes;

    @Inject
    PlanContents contents;

    public PlanView view(Plan plan) {
        return view(plan, progress.axes(plan.id, StatusBasis.LATEST));
    }

    /** The plan's representation from its axes' current progress, already read (pages that also list the axes). */
    public PlanView view(Plan plan, List<AxisProgress> axes) {
        return PlanView.from(
                plan, axes, plans.latestEvaluations(List.of(plan.id)).get(plan.id));
    }

    /**
     * Creates a plan with its axes and measures, or nothing: every problem of the load (what could not be read, what
     * its lines say against each other, continues targets that do not exist) is listed at once in a 422. The change
     * feed and the audit trail record it as one change, the plan's creation.
     */
    @Transactional
    public PlanView create(PlanLoad load) {
        PlanInput input = load.plan();
        String slug = input.startYear() + "-" + input.endYear();
        return writes.create(
                slug,
                () -> {
                    checkPeriod(input);
                    if (plans.findBySlug(slug).isPresent()) {
                        throw new ApiException.Conflict(
                                "Plan " + slug + " already exists; PUT " + ApiPaths.plan(slug) + " changes it.");
                    }
                    List<Problem.FieldError> errors = new ArrayList<>(load.problems(input.startYear()));
                    Set<String> named =
                            errors.stream().map(Problem.FieldError::field).collect(Collectors.toSet());
                    contents.unknownTargets(load.measures()).stream()
                            .filter(e -> !named.contains(e.field())) // a target already refused is named once
                            .forEach(errors::add);
                    if (!errors.isEmpty()) {
                        errors.sort(
                                Comparator.comparing(PlanService::position).thenComparing(Problem.FieldError::field));
                        throw new ApiException.Unprocessable(
                                errors.size() + " problem(s) in the plan; nothing was recorded.", errors);
                    }
                    Plan plan = new Plan();
                    plan.slug = slug;
                    plan.startYear = input.startYear();
                    plan.endYear = input.endYear();
                    apply(plan, input);
                    plans.persist(plan);
                    contents.create(plan, load);
                    return plan;
                },
                this::subject);
    }

    /** Orders "line 10.dueBy" after "line 9.measure", and "axes[10]" after "axes[9]": numbers compared as numbers. */
    private static String position(Problem.FieldError error) {
        Matcher number = Pattern.compile("\\d+").matcher(error.field());
        StringBuilder key = new StringBuilder();
        while (number.find()) {
            key.append(String.format("%09d.", Long.parseLong(number.group())));
        }
        return key.toString();
    }

    @Transactional
    public PlanView update(String slug, String ifMatch, PlanInput input) {
        return writes.update(ifMatch, () -> subject(plans.require(slug)), () -> {
            Plan plan = plans.require(slug);
            if (input.startYear() != plan.startYear || input.endYear() != plan.endYear) {
                throw new ApiException.Unprocessable(
                        "A plan's period is its address and cannot change; create a new plan instead.",
                        List.of(
                                new Problem.FieldError("startYear", "must stay " + plan.startYear),
                                new Problem.FieldError("endYear", "must stay " + plan.endYear)));
            }
            apply(plan, input);
        });
    }

    /** Deletes a plan; with cascade, also its evaluations, measures and axes, otherwise 409 when it has any. */
    @Transactional
    public void delete(String slug, String ifMatch, boolean cascade) {
        writes.delete(ifMatch, () -> subject(plans.require(slug)), before -> {
            Plan plan = plans.require(slug);
            TakenUp.refuseDeleting("Plan " + slug, plans.takenUp(plan));
            long evaluationCount = plans.countEvaluations(plan.id);
            if (!cascade && (before.axisCount() > 0 || evaluationCount > 0)) {
                throw new ApiException.Conflict("Plan " + slug + " has " + before.axisCount() + " axes, "
                        + before.measureCount() + " measures and " + evaluationCount
                        + " evaluations. Delete them first, or send cascade=true to delete them with the plan.");
            }
            plans.deleteWithEverything(plan);
        });
    }

    private Writes.Subject<PlanView> subject(Plan plan) {
        return Writes.Subject.of("plan", ApiPaths.plan(plan.slug), plan.slug, view(plan));
    }

    private static void checkPeriod(PlanInput input) {
        if (input.endYear() < input.startYear()) {
            throw new ApiException.Unprocessable(
                    "A plan cannot end before it starts.",
                    List.of(new Problem.FieldError("endYear", "must not be before startYear")));
        }
    }

    private static void apply(Plan plan, PlanInput input) {
        plan.title = input.title().strip();
        plan.presentedOn = input.presentedOn();
        plan.sourceTitle = input.source().title().strip();
        plan.sourceUrl = input.source().url().strip();
    }
}
