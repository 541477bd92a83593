package org.planwatch.measure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.planwatch.axis.Axis;
import org.planwatch.axis.AxisRepository;
import org.planwatch.common.db.TakenUp;
import org.planwatch.common.problem.ApiException;
import org.planwatch.common.problem.Problem;
import org.planwatch.domain.ApiPaths;
import org.planwatch.domain.DueBy;
import org.planwatch.domain.StatusBasis;
import org.planwatch.history.Writes;
import org.planwatch.plan.Plan;
import org.planwatch.plan.PlanRepository;

/** A measure's representation with its history, and writing measures. */
@ApplicationScoped
public class MeasureService {

    @Inject
    PlanRepository plans;

    @Inject
    MeasureRepository measures;

    @Inject
    AxisRepository axes;

    @Inject
    Writes writes;

    @Inject
    MeasureDetails details;

    /** The filter, once it names only an axis the plan has: another axis is a 400 naming the parameter and the plan's axes. */
    public MeasureFilter checked(Plan plan, MeasureFilter filter) {
        checkAxis(plan, filter);
        return filter;
    }

    /**
     * Why a page of measures came out empty, when it is an error: the plan does not exist (404), or the
     * filter names an axis it does not have (400). A list only pays these statements when it is empty.
     */
    public void explainEmpty(String planSlug, MeasureFilter filter) {
        checkAxis(plans.require(planSlug), filter);
    }

    private void checkAxis(Plan plan, MeasureFilter filter) {
        if (filter.axis() != null) {
            List<Integer> numbers = axes.numbers(plan.id);
            if (!numbers.contains(filter.axis())) {
                throw new ApiException.InvalidParameter(
                        "axis",
                        "has no axis " + filter.axis() + " in plan " + plan.slug + "; allowed values: "
                                + numbers.stream().map(String::valueOf).collect(Collectors.joining(", ")));
            }
        }
    }

    /**
     * The measure as known on asOf (today's knowledge when null), with its assessments up to then: two
     * statements, and one more to tell an unknown plan from an unknown measure when there is none.
     */
    public MeasureDetail detail(String planSlug, int number, LocalDate asOf) {
        MeasureRepository.Found found = measures.one(planSlug, number, StatusBasis.asOf(asOf))
                .orElseThrow(() -> new ApiException.NotFound(
                        "Plan " + plans.require(planSlug).slug + " has no measure " + number + "."));
        return MeasureDetail.from(
                planSlug, found.measure(), measures.assessments(planSlug, number, asOf), found.continuedBy());
    }

    /**
     * The chain of measures the measure belongs to, oldest plan first, with their statuses as of asOf (today's when
     * null): one statement, and one more to say what is missing when there is no such measure.
     */
    public MeasureLineage lineage(String planSlug, int number, LocalDate asOf) {
        List<MeasureLineage.Link> chain = measures.lineage(planSlug, number, StatusBasis.asOf(asOf));
        if (chain.isEmpty()) {
            throw new ApiException.NotFound("Plan " + plans.require(planSlug).slug + " has no measure " + number + ".");
        }
        return new MeasureLineage(planSlug, number, asOf, chain);
    }

    @Transactional
    public MeasureDetail create(String planSlug, MeasureInput input) {
        return writes.create(
                planSlug,
                () -> {
                    Plan plan = plans.require(planSlug);
                    if (measures.findByNumber(plan.id, input.number()).isPresent()) {
                        throw new ApiException.Conflict(
                                "Plan " + planSlug + " already has a measure " + input.number() + ".");
                    }
                    Measure measure = new Measure();
                    measure.plan = plan;
                    measure.number = input.number();
                    apply(plan, measure, input);
                    measures.persist(measure);
                    return measure;
                },
                measure -> subject(planSlug, measure.number));
    }

    @Transactional
    public MeasureDetail update(String planSlug, int number, String ifMatch, MeasureInput input) {
        return writes.update(ifMatch, () -> subject(planSlug, number), () -> {
            if (input.number() != number) {
                throw new ApiException.Unprocessable(
                        "A measure's number is its address and cannot change.",
                        List.of(new Problem.FieldError("number", "must stay " + number)));
            }
            Plan plan = plans.require(planSlug);
            apply(plan, measures.findByNumber(plan.id, number).orElseThrow(), input);
        });
    }

    /** Deletes a measure; with cascade, also its assessments, otherwise 409 when it has any. */
    @Transactional
    public void delete(String planSlug, int number, String ifMatch, boolean cascade) {
        writes.delete(ifMatch, () -> subject(planSlug, number), before -> {
            Measure measure =
                    measures.findByNumber(plans.require(planSlug).id, number).orElseThrow();
            TakenUp.refuseDeleting("Measure " + number + " of plan " + planSlug, measures.takenUp(measure));
            if (!cascade && !before.assessments().isEmpty()) {
                throw new ApiException.Conflict("Measure " + number + " of plan " + planSlug + " has "
                        + before.assessments().size()
                        + " assessment(s), by evaluation(s) "
                        + before.assessments().stream()
                                .map(a -> Long.toString(a.evaluation().id()))
                                .toList()
                        + ". Send cascade=true to delete them with the measure.");
            }
            measures.deleteWithAssessments(measure);
        });
    }

    private Writes.Subject<MeasureDetail> subject(String planSlug, int number) {
        return Writes.Subject.of(
                "measure", ApiPaths.measure(planSlug, number), planSlug, detail(planSlug, number, null));
    }

    /** The input's content on the measure, or a 422 listing every field it refuses. */
    private void apply(Plan plan, Measure measure, MeasureInput input) {
        List<Problem.FieldError> errors = new ArrayList<>(details.problems(plan, input.dueBy(), input.continues()));
        Axis axis = axes.findByNumber(plan, input.axis()).orElse(null);
        if (axis == null) {
            errors.add(0, axisMissing(plan));
        }
        if (!errors.isEmpty()) {
            throw new ApiException.Unprocessable(
                    errors.size() == 1 && axis == null
                            ? "Plan " + plan.slug + " has no axis " + input.axis() + "."
                            : errors.size() + " problem(s) in the measure; nothing was recorded.",
                    errors);
        }
        measure.axis = axis;
        measure.title = input.title().strip();
        details.apply(
                measure,
                input.lead(),
                input.dueBy() == null || input.dueBy().isBlank() ? null : DueBy.parse(input.dueBy()),
                details.target(input.continues()));
    }

    private static Problem.FieldError axisMissing(Plan plan) {
        return new Problem.FieldError("axis", "is not the number of an axis of plan " + plan.slug);
    }
}
