package org.planwatch.evaluation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.planwatch.common.http.ProblemMapper;
import org.planwatch.common.problem.ApiException;
import org.planwatch.common.problem.Problem;
import org.planwatch.domain.Source;

/**
 * Reads an evaluation import in CSV into the value a JSON body gives ({@link EvaluationImport}), checked by the same
 * constraints: those of {@link NewEvaluation} and {@link NewAssessment}. The metadata comes in query parameters, so
 * a bad one is a 400 naming the parameter; a line's bad values are named "line N.column" and listed, in the 422, with
 * what the plan's data refuses.
 */
@ApplicationScoped
public class EvaluationImports {

    /** The query parameters that carry a CSV import's metadata, by the field they fill. */
    private static final Map<String, String> PARAMETERS =
            Map.of("source.title", "sourceTitle", "source.url", "sourceUrl");
    /** The columns of a CSV line, by the field of the assessment they fill. */
    private static final Map<String, String> COLUMNS = Map.of("evidence[0].url", "evidenceUrl");

    @Inject
    Validator validator;

    public EvaluationImport fromCsv(
            String evaluator,
            String title,
            String date,
            String sourceTitle,
            String sourceUrl,
            String summary,
            String csv) {
        NewEvaluation metadata = metadata(evaluator, title, date, sourceTitle, sourceUrl, summary);
        AssessmentCsv.Parsed parsed = AssessmentCsv.parse(csv);
        List<Problem.FieldError> problems = new ArrayList<>(parsed.errors());
        Set<String> unread =
                parsed.errors().stream().map(Problem.FieldError::field).collect(Collectors.toSet());
        for (EvaluationImport.Line line : parsed.lines()) {
            validator.validate(line.assessment()).stream()
                    .map(v -> new Problem.FieldError(line.where() + "." + column(v), v.getMessage()))
                    .filter(error -> !unread.contains(error.field())) // a value that could not be read is reported once
                    .sorted(Comparator.comparing(Problem.FieldError::field))
                    .forEach(problems::add);
        }
        // a line without a measure number is reported, but there is no assessment to check against the plan
        return new EvaluationImport(
                metadata,
                parsed.lines().stream()
                        .filter(line -> line.assessment().measure() != null)
                        .toList(),
                problems);
    }

    /** The metadata from the query parameters: a 400 naming each that is missing or bad. */
    private NewEvaluation metadata(
            String evaluator, String title, String date, String sourceTitle, String sourceUrl, String summary) {
        List<Problem.FieldError> errors = new ArrayList<>();
        LocalDate parsedDate = null;
        if (date != null) {
            try {
                parsedDate = LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                errors.add(new Problem.FieldError("date", "must be a date as YYYY-MM-DD (got '" + date + "')"));
            }
        }
        NewEvaluation metadata =
                new NewEvaluation(evaluator, title, parsedDate, new Source(sourceTitle, sourceUrl), summary, null);
        boolean dateUnreadable = !errors.isEmpty();
        validator.validate(metadata).stream()
                .map(v -> new Problem.FieldError(
                        PARAMETERS.getOrDefault(ProblemMapper.fieldOf(v), ProblemMapper.fieldOf(v)), v.getMessage()))
                .filter(error -> !(dateUnreadable && error.field().equals("date")))
                .forEach(errors::add);
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(Problem.FieldError::field));
            throw new ApiException.InvalidParameter(errors);
        }
        return metadata;
    }

    private static String column(ConstraintViolation<?> violation) {
        String field = ProblemMapper.fieldOf(violation);
        return COLUMNS.getOrDefault(field, field);
    }
}
