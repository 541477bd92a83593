package org.planwatch.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.planwatch.common.problem.Problem;
import org.planwatch.domain.DueBy;
import org.planwatch.domain.MeasureAddress;

/**
 * A plan to create with its axes and measures, the same whichever format it came in: a JSON body, or query parameters
 * and CSV lines (see {@link PlanImports}). Each axis and measure comes with where it was read ("axes[0].measures[2]"
 * or "line 4") to name it in errors; {@code problems} lists what was read but cannot be accepted as it is. {@link
 * #problems(int)} adds what the lines say against each other; the continues targets are checked against the data.
 */
public record PlanLoad(PlanInput plan, List<AxisLine> axes, List<MeasureLine> measures, List<Problem.FieldError> read) {

    /** The most measures a plan may be loaded with (docs/limits.md). */
    public static final int MAX_MEASURES = 1000;

    /** An axis, where it was read. */
    public record AxisLine(String where, int number, String title) {}

    /** A measure, where it was read, with the number of its axis (null when it names none). */
    public record MeasureLine(
            String where, Integer axis, int number, String title, String lead, String dueBy, MeasureAddress continues) {

        /** The deadline, once {@link #problems} found it well written; null when it has none. */
        public DueBy deadline() {
            return dueBy == null || dueBy.isBlank() ? null : DueBy.parse(dueBy);
        }
    }

    /** A JSON body, already validated by the REST layer: its axes and measures are named by their index. */
    public static PlanLoad of(NewPlan body) {
        List<AxisLine> axes = new ArrayList<>();
        List<MeasureLine> measures = new ArrayList<>();
        List<NewPlan.Axis> items = body.axes() == null ? List.of() : body.axes();
        for (int i = 0; i < items.size(); i++) {
            NewPlan.Axis axis = items.get(i);
            axes.add(new AxisLine("axes[" + i + "]", axis.number(), axis.title().strip()));
            List<NewPlan.Measure> list = axis.measures() == null ? List.of() : axis.measures();
            for (int j = 0; j < list.size(); j++) {
                NewPlan.Measure m = list.get(j);
                measures.add(new MeasureLine(
                        "axes[" + i + "].measures[" + j + "]",
                        axis.number(),
                        m.number(),
                        m.title().strip(),
                        blankToNull(m.lead()),
                        blankToNull(m.dueBy()),
                        m.continues()));
            }
        }
        return new PlanLoad(body.input(), axes, measures, List.of());
    }

    /**
     * Every problem of the load that its lines show on their own: what could not be read, more than {@link
     * #MAX_MEASURES} measures, an axis or measure number given twice, an axis whose title differs between two lines, a
     * measure whose axis is missing, a dueBy that is not one, a continues target in a plan that does not start before
     * {@code startYear}.
     */
    public List<Problem.FieldError> problems(int startYear) {
        List<Problem.FieldError> errors = new ArrayList<>(read);
        if (measures.size() > MAX_MEASURES) {
            errors.add(new Problem.FieldError(
                    "measures", "a plan has at most " + MAX_MEASURES + " measures (got " + measures.size() + ")"));
        }
        Map<Integer, AxisLine> axisByNumber = new HashMap<>();
        for (AxisLine axis : axes) {
            AxisLine first = axisByNumber.putIfAbsent(axis.number(), axis);
            if (first == null) {
                continue;
            }
            if (axis.where().startsWith("axes[")) { // JSON gives each axis once; CSV repeats it on its lines
                errors.add(
                        new Problem.FieldError(axis.where() + ".number", "axis " + axis.number() + " is given twice"));
            } else if (!first.title().equals(axis.title())) {
                errors.add(new Problem.FieldError(
                        axis.where() + ".axisTitle",
                        "axis " + axis.number() + " is titled '" + first.title() + "' on " + first.where()));
            }
        }
        Set<Integer> numbers = new HashSet<>();
        for (MeasureLine m : measures) {
            if (!numbers.add(m.number())) {
                errors.add(new Problem.FieldError(
                        m.where() + (m.where().startsWith("line ") ? ".measure" : ".number"),
                        "measure " + m.number() + " is given twice"));
            }
            if (m.axis() != null && !axisByNumber.containsKey(m.axis())) {
                errors.add(new Problem.FieldError(
                        m.where() + ".axis", "axis " + m.axis() + " is not given with its title"));
            }
            try {
                m.deadline();
            } catch (IllegalArgumentException e) {
                errors.add(new Problem.FieldError(m.where() + ".dueBy", e.getMessage()));
            }
            if (m.continues() != null && startYear(m.continues()) >= startYear) {
                errors.add(new Problem.FieldError(
                        m.where() + ".continues",
                        "must name a measure of a plan that started before " + startYear + " (got "
                                + m.continues().text() + ")"));
            }
        }
        return errors;
    }

    /** The start year of the plan a slug names ("2019-2021": 2019). */
    public static int startYear(MeasureAddress address) {
        return Integer.parseInt(address.plan().substring(0, 4));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
