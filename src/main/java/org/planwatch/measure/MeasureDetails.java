package org.planwatch.measure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.planwatch.axis.Axis;
import org.planwatch.axis.AxisRepository;
import org.planwatch.common.problem.Problem;
import org.planwatch.domain.DueBy;
import org.planwatch.domain.MeasureAddress;
import org.planwatch.plan.Plan;
import org.planwatch.plan.PlanContents;
import org.planwatch.plan.PlanLoad;

/**
 * A measure's lead, deadline and lineage, checked and applied the same way when one measure is written and when a
 * whole plan is loaded (this is the plan folder's {@link PlanContents}).
 */
@ApplicationScoped
public class MeasureDetails implements PlanContents {

    @Inject
    MeasureRepository measures;

    @Inject
    AxisRepository axes;

    @Override
    public List<Problem.FieldError> unknownTargets(List<PlanLoad.MeasureLine> lines) {
        Map<MeasureAddress, Measure> found = measures.byAddress(lines.stream()
                .map(PlanLoad.MeasureLine::continues)
                .filter(t -> t != null)
                .toList());
        List<Problem.FieldError> errors = new ArrayList<>();
        for (PlanLoad.MeasureLine line : lines) {
            if (line.continues() != null && !found.containsKey(line.continues())) {
                errors.add(unknown(line.where() + ".continues", line.continues()));
            }
        }
        return errors;
    }

    @Override
    public void create(Plan plan, PlanLoad load) {
        Map<Integer, Axis> byNumber = new HashMap<>();
        for (PlanLoad.AxisLine line : load.axes()) {
            byNumber.computeIfAbsent(line.number(), number -> {
                Axis axis = new Axis();
                axis.plan = plan;
                axis.number = number;
                axis.title = line.title();
                axes.persist(axis);
                return axis;
            });
        }
        Map<MeasureAddress, Measure> targets = measures.byAddress(load.measures().stream()
                .map(PlanLoad.MeasureLine::continues)
                .filter(t -> t != null)
                .toList());
        for (PlanLoad.MeasureLine line : load.measures()) {
            Measure measure = new Measure();
            measure.plan = plan;
            measure.axis = byNumber.get(line.axis());
            measure.number = line.number();
            measure.title = line.title().strip();
            apply(
                    measure,
                    line.lead(),
                    line.deadline(),
                    line.continues() == null ? null : targets.get(line.continues()));
            measures.persist(measure);
        }
    }

    /**
     * The problems of one measure's lead, dueBy and continues, named by their field: a dueBy that is not one, a
     * continues target that does not exist or whose plan did not start before {@code plan}.
     */
    List<Problem.FieldError> problems(Plan plan, String dueBy, MeasureAddress continues) {
        PlanLoad.MeasureLine line = new PlanLoad.MeasureLine(
                "", null, 1, "", null, dueBy == null || dueBy.isBlank() ? null : dueBy.strip(), continues);
        List<Problem.FieldError> errors = new ArrayList<>();
        for (Problem.FieldError error :
                new PlanLoad(null, List.of(), List.of(line), List.of()).problems(plan.startYear)) {
            errors.add(new Problem.FieldError(error.field().substring(1), error.message()));
        }
        if (errors.stream().noneMatch(e -> e.field().equals("continues"))) { // a target already refused is named once
            unknownTargets(List.of(line)).forEach(e -> errors.add(new Problem.FieldError("continues", e.message())));
        }
        return errors;
    }

    /** Applies a checked lead, deadline and continues target to the measure. */
    void apply(Measure measure, String lead, DueBy dueBy, Measure continues) {
        measure.lead = lead == null || lead.isBlank() ? null : lead.strip();
        measure.dueBy = dueBy == null ? null : dueBy.lastDay();
        measure.duePrecision = dueBy == null ? null : dueBy.precision().name();
        measure.continues = continues;
    }

    /** The measure a checked continues names; null for none. */
    Measure target(MeasureAddress continues) {
        return continues == null ? null : measures.byAddress(List.of(continues)).get(continues);
    }

    private static Problem.FieldError unknown(String field, MeasureAddress target) {
        return new Problem.FieldError(field, "plan " + target.plan() + " has no measure " + target.number());
    }
}
