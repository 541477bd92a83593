package org.planwatch.evaluation;

import java.util.List;
import java.util.stream.IntStream;
import org.planwatch.common.problem.Problem;

/**
 * An evaluation to record with its assessments, the same whichever format it was sent in: a JSON body, or query
 * parameters and CSV lines (see {@link EvaluationImports}). Each assessment comes with where it was read, to name it in
 * errors ("assessments[3]" or "line 4"), and {@code problems} lists what was read but cannot be accepted as it is;
 * the service adds what the plan's data refuses and records all or nothing.
 */
public record EvaluationImport(NewEvaluation evaluation, List<Line> assessments, List<Problem.FieldError> problems) {

    /** An assessment, and where it was read. */
    public record Line(String where, NewAssessment assessment) {}

    /** A JSON body, already validated by the REST layer: its assessments are named by their index. */
    public static EvaluationImport of(NewEvaluation body) {
        List<NewAssessment> items = body.assessments() == null ? List.of() : body.assessments();
        return new EvaluationImport(
                body,
                IntStream.range(0, items.size())
                        .mapToObj(i -> new Line("assessments[" + i + "]", items.get(i)))
                        .toList(),
                List.of());
    }
}
