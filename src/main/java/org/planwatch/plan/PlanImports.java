package org.planwatch.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.planwatch.common.csv.CsvTable;
import org.planwatch.common.http.ProblemMapper;
import org.planwatch.common.problem.ApiException;
import org.planwatch.common.problem.Problem;
import org.planwatch.domain.MeasureAddress;
import org.planwatch.domain.Source;

/**
 * Reads a plan load in CSV into the value a JSON body gives ({@link PlanLoad}): the plan's fields come in query
 * parameters (a bad one is a 400 naming it), its axes and measures one measure a line, with the columns
 * {@code axis;axisTitle;measure;title;lead;dueBy;continues} (the last three optional). Each line's values are checked
 * by the constraints of the JSON body's measure ({@link NewPlan.Measure}); what a line gets wrong is named "line
 * N.column" and listed, in the 422, with what the lines and the data refuse.
 */
@ApplicationScoped
public class PlanImports {

    /** The columns of a plan's CSV, in order. */
    public static final List<String> COLUMNS =
            List.of("axis", "axisTitle", "measure", "title", "lead", "dueBy", "continues");

    private static final Map<String, String> PARAMETERS =
            Map.of("source.title", "sourceTitle", "source.url", "sourceUrl");

    @Inject
    Validator validator;

    public PlanLoad fromCsv(
            String startYear,
            String endYear,
            String title,
            String presentedOn,
            String sourceTitle,
            String sourceUrl,
            String csv) {
        PlanInput plan = metadata(startYear, endYear, title, presentedOn, sourceTitle, sourceUrl);
        CsvTable table = CsvTable.read(csv, String.join(";", COLUMNS));
        table.require(
                List.of("axis", "axistitle", "measure", "title"),
                "The CSV header must name the columns axis, axisTitle, measure and title (and optionally lead, dueBy"
                        + " and continues)");
        List<PlanLoad.AxisLine> axes = new ArrayList<>();
        List<PlanLoad.MeasureLine> measures = new ArrayList<>();
        List<Problem.FieldError> problems = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            String line = row.where();
            Integer axis = number(table.cell(row, "axis"), 99, line + ".axis", problems);
            String axisTitle = table.cell(row, "axistitle");
            if (axis != null && axisTitle != null) {
                if (axisTitle.length() > 500) {
                    problems.add(new Problem.FieldError(line + ".axisTitle", "size must be between 0 and 500"));
                }
                axes.add(new PlanLoad.AxisLine(line, axis, axisTitle));
            }
            Integer number = number(table.cell(row, "measure"), 999, line + ".measure", problems);
            MeasureAddress continues = continues(table.cell(row, "continues"), line + ".continues", problems);
            NewPlan.Measure measure = new NewPlan.Measure(
                    number, table.cell(row, "title"), table.cell(row, "lead"), table.cell(row, "dueby"), continues);
            validator.validate(measure).stream()
                    .map(v -> new Problem.FieldError(line + "." + ProblemMapper.fieldOf(v), v.getMessage()))
                    .filter(e -> !e.field().equals(line + ".number")) // reported as the measure column already
                    .sorted(Comparator.comparing(Problem.FieldError::field))
                    .forEach(problems::add);
            if (number != null) {
                measures.add(new PlanLoad.MeasureLine(
                        line,
                        axis,
                        number,
                        measure.title() == null ? "" : measure.title(),
                        measure.lead(),
                        measure.dueBy(),
                        continues));
            }
        }
        return new PlanLoad(plan, axes, measures, problems);
    }

    /** A number from 1 to max; null, with a problem, when the cell is not one. */
    private static Integer number(String cell, int max, String field, List<Problem.FieldError> problems) {
        if (cell == null || !cell.matches("[0-9]{1,3}") || Integer.parseInt(cell) < 1 || Integer.parseInt(cell) > max) {
            problems.add(new Problem.FieldError(
                    field, "must be a number from 1 to " + max + " (got '" + (cell == null ? "" : cell) + "')"));
            return null;
        }
        return Integer.valueOf(cell);
    }

    /** "2019-2021/16" as the measure it names; null when empty, or with a problem when it is not one. */
    private static MeasureAddress continues(String cell, String field, List<Problem.FieldError> problems) {
        if (cell == null) {
            return null;
        }
        if (!cell.matches("[0-9]{4}-[0-9]{4}/[0-9]{1,3}")) {
            problems.add(new Problem.FieldError(
                    field, "must name a measure as plan/number, such as 2019-2021/16 (got '" + cell + "')"));
            return null;
        }
        String[] parts = cell.split("/");
        return new MeasureAddress(parts[0], Integer.valueOf(parts[1]));
    }

    /** The plan's fields from the query parameters: a 400 naming each that is missing or bad. */
    private PlanInput metadata(
            String startYear, String endYear, String title, String presentedOn, String sourceTitle, String sourceUrl) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Integer start = year("startYear", startYear, errors);
        Integer end = year("endYear", endYear, errors);
        LocalDate presented = null;
        if (presentedOn != null) {
            try {
                presented = LocalDate.parse(presentedOn);
            } catch (DateTimeParseException e) {
                errors.add(new Problem.FieldError(
                        "presentedOn", "must be a date as YYYY-MM-DD (got '" + presentedOn + "')"));
            }
        }
        PlanInput plan = new PlanInput(start, end, title, presented, new Source(sourceTitle, sourceUrl));
        List<String> unreadable = errors.stream().map(Problem.FieldError::field).toList();
        validator.validate(plan).stream()
                .map(v -> new Problem.FieldError(
                        PARAMETERS.getOrDefault(ProblemMapper.fieldOf(v), ProblemMapper.fieldOf(v)), v.getMessage()))
                .filter(error -> !unreadable.contains(error.field()))
                .forEach(errors::add);
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(Problem.FieldError::field));
            throw new ApiException.InvalidParameter(errors);
        }
        return plan;
    }

    private static Integer year(String name, String value, List<Problem.FieldError> errors) {
        if (value == null) {
            return null; // the constraints say it is required
        }
        if (!value.matches("[0-9]{4}")) {
            errors.add(new Problem.FieldError(name, "must be a year as YYYY (got '" + value + "')"));
            return null;
        }
        return Integer.valueOf(value);
    }
}
