package org.planwatch.evaluation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.planwatch.common.problem.ApiException;
import org.planwatch.common.problem.Problem;
import org.planwatch.domain.ApiPaths;
import org.planwatch.domain.Source;
import org.planwatch.domain.Status;
import org.planwatch.evaluator.Evaluator;
import org.planwatch.evaluator.EvaluatorRepository;
import org.planwatch.history.Writes;
import org.planwatch.measure.Measure;
import org.planwatch.measure.MeasureRepository;
import org.planwatch.plan.Plan;
import org.planwatch.plan.PlanRepository;
import org.planwatch.security.Caller;

/** Reading and writing evaluations and their assessments. */
@ApplicationScoped
public class EvaluationService {

    @Inject
    PlanRepository plans;

    @Inject
    EvaluatorRepository evaluators;

    @Inject
    EvaluationRepository evaluations;

    @Inject
    AssessmentRepository assessments;

    @Inject
    MeasureRepository measures;

    @Inject
    Writes writes;

    @Inject
    Caller caller;

    public EvaluationDetail detail(long id) {
        Evaluation evaluation = evaluations.require(id);
        List<Assessment> list = assessments.forEvaluation(evaluation.id);
        return EvaluationDetail.from(
                evaluation,
                list,
                assessments.evidenceOf(list.stream().map(a -> a.id).toList()));
    }

    public AssessmentView assessment(long evaluationId, int measure) {
        Assessment assessment = requireAssessment(evaluationId, measure);
        return AssessmentView.from(
                assessment, assessments.evidenceOf(List.of(assessment.id)).getOrDefault(assessment.id, List.of()));
    }

    /**
     * Records a new evaluation and all its assessments, or nothing when any of them is wrong: every problem the
     * import came with, and every one the plan's data finds, is listed at once in a 422.
     */
    @Transactional
    public EvaluationDetail create(String planSlug, EvaluationImport evaluationImport) {
        return writes.create(
                planSlug,
                () -> {
                    NewEvaluation input = evaluationImport.evaluation();
                    List<EvaluationImport.Line> toRecord = evaluationImport.assessments();
                    Plan plan = plans.require(planSlug);
                    caller.requireEvaluator(input.evaluator());
                    Evaluator evaluator = evaluators
                            .find("slug", input.evaluator())
                            .firstResultOptional()
                            .orElse(null);
                    Map<Integer, Measure> planMeasures = measures.list("plan.id", plan.id).stream()
                            .collect(Collectors.toMap(m -> m.number, Function.identity()));
                    List<Problem.FieldError> errors = new ArrayList<>();
                    if (evaluator == null) {
                        errors.add(new Problem.FieldError(
                                "evaluator", "'" + input.evaluator() + "' is not the slug of an evaluator"));
                    }
                    errors.addAll(evaluationImport.problems());
                    checkAssessments(plan, planMeasures, toRecord, errors);

                    Evaluation evaluation = new Evaluation();
                    evaluation.plan = plan;
                    evaluation.evaluator = evaluator;
                    apply(evaluation, input.title(), input.date(), input.source(), input.summary());
                    evaluations.persist(evaluation);
                    for (EvaluationImport.Line line : toRecord) {
                        NewAssessment item = line.assessment();
                        Assessment assessment = new Assessment();
                        assessment.evaluation = evaluation;
                        assessment.evaluationDate = evaluation.date;
                        assessment.evaluator = evaluation.evaluator;
                        assessment.plan = plan;
                        assessment.measure = planMeasures.get(item.measure());
                        assessment.status = item.status();
                        assessment.comment = blankToNull(item.comment());
                        assessments.persist(assessment);
                        assessments.addEvidence(assessment, item.evidence());
                    }
                    return evaluation.id;
                },
                this::subject);
    }

    @Transactional
    public EvaluationDetail update(long id, String ifMatch, EvaluationUpdate input) {
        return writes.update(
                ifMatch,
                () -> subject(id),
                () -> apply(evaluations.require(id), input.title(), input.date(), input.source(), input.summary()));
    }

    /** Deletes an evaluation with its assessments, which belong to it. */
    @Transactional
    public void delete(long id, String ifMatch) {
        writes.delete(ifMatch, () -> subject(id), before -> evaluations.delete("id", id));
    }

    /** Creates or replaces the assessment of one measure by one evaluation. */
    @Transactional
    public Writes.Written<AssessmentView> putAssessment(
            long evaluationId, int measureNumber, String ifMatch, AssessmentInput input) {
        return writes.put(
                ifMatch,
                () -> {
                    Evaluation evaluation = writable(evaluationId);
                    measures.findByNumber(evaluation.plan.id, measureNumber)
                            .orElseThrow(() -> new ApiException.NotFound(
                                    "Plan " + evaluation.plan.slug + " has no measure " + measureNumber + "."));
                    if (input.status() == Status.NOT_ASSESSED) {
                        throw new ApiException.Unprocessable(
                                "An assessment gives a measure a status; to withdraw it, DELETE the assessment.",
                                List.of(new Problem.FieldError(
                                        "status", "must be IMPLEMENTED, PARTIALLY_IMPLEMENTED or NOT_IMPLEMENTED")));
                    }
                    boolean exists =
                            assessments.find(evaluationId, measureNumber).isPresent();
                    if (!exists && ifMatch != null && !ifMatch.isBlank()) {
                        throw new ApiException.PreconditionFailed(
                                "If-Match was sent but measure " + measureNumber + " has no assessment in evaluation "
                                        + evaluationId + " yet; send the PUT without If-Match to create it.");
                    }
                    return Writes.Subject.of(
                            "assessment",
                            ApiPaths.assessment(evaluationId, measureNumber),
                            evaluation.plan.slug,
                            exists ? assessment(evaluationId, measureNumber) : null);
                },
                () -> {
                    Evaluation evaluation = evaluations.require(evaluationId);
                    Assessment assessment =
                            assessments.find(evaluationId, measureNumber).orElse(null);
                    if (assessment == null) {
                        assessment = new Assessment();
                        assessment.evaluation = evaluation;
                        assessment.evaluationDate = evaluation.date;
                        assessment.evaluator = evaluation.evaluator;
                        assessment.plan = evaluation.plan;
                        assessment.measure = measures.findByNumber(evaluation.plan.id, measureNumber)
                                .orElseThrow();
                    }
                    assessment.status = input.status();
                    assessment.comment = blankToNull(input.comment());
                    assessments.persist(assessment);
                    assessments.replaceEvidence(assessment, input.evidence());
                });
    }

    @Transactional
    public void deleteAssessment(long evaluationId, int measureNumber, String ifMatch) {
        writes.delete(
                ifMatch,
                () -> {
                    Evaluation evaluation = writable(evaluationId);
                    return Writes.Subject.of(
                            "assessment",
                            ApiPaths.assessment(evaluationId, measureNumber),
                            evaluation.plan.slug,
                            assessment(evaluationId, measureNumber));
                },
                before ->
                        assessments.delete("evaluation.id = ?1 and measure.number = ?2", evaluationId, measureNumber));
    }

    /** The evaluation, which this caller may write (an evaluator key: only its own evaluator's). */
    private Evaluation writable(long id) {
        Evaluation evaluation = evaluations.require(id);
        caller.requireEvaluator(evaluation.evaluator.slug);
        return evaluation;
    }

    private Writes.Subject<EvaluationDetail> subject(long id) {
        return Writes.Subject.of("evaluation", ApiPaths.evaluation(id), writable(id).plan.slug, detail(id));
    }

    private Assessment requireAssessment(long evaluationId, int measure) {
        return assessments.find(evaluationId, measure).orElseThrow(() -> {
            evaluations.require(evaluationId);
            return new ApiException.NotFound(
                    "Evaluation " + evaluationId + " has no assessment of measure " + measure + ".");
        });
    }

    /** The plan's rules: each assessment names one of its measures, at most once, with a status an assessment may give. */
    private static void checkAssessments(
            Plan plan,
            Map<Integer, Measure> planMeasures,
            List<EvaluationImport.Line> toRecord,
            List<Problem.FieldError> earlierErrors) {
        List<Problem.FieldError> errors = new ArrayList<>(earlierErrors); // every problem is reported at once
        Set<Integer> seen = new HashSet<>();
        for (EvaluationImport.Line line : toRecord) {
            NewAssessment item = line.assessment();
            if (!planMeasures.containsKey(item.measure())) {
                errors.add(new Problem.FieldError(
                        line.where() + ".measure", "plan " + plan.slug + " has no measure " + item.measure()));
            } else if (!seen.add(item.measure())) {
                errors.add(new Problem.FieldError(
                        line.where() + ".measure", "measure " + item.measure() + " is assessed twice"));
            }
            if (item.status() == Status.NOT_ASSESSED) {
                errors.add(new Problem.FieldError(
                        line.where() + ".status", "must be IMPLEMENTED, PARTIALLY_IMPLEMENTED or NOT_IMPLEMENTED"));
            }
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(EvaluationService::position));
            throw new ApiException.Unprocessable(
                    errors.size() + " problem(s) in the evaluation; nothing was recorded.", errors);
        }
    }

    /** Orders "line 10.status" after "line 9.measure", and "assessments[10]" after "assessments[9]". */
    private static long position(Problem.FieldError error) {
        Matcher number = Pattern.compile("\\d+").matcher(error.field());
        return number.find() ? Long.parseLong(number.group()) : -1;
    }

    private static void apply(Evaluation evaluation, String title, LocalDate date, Source source, String summary) {
        evaluation.title = title.strip();
        evaluation.date = date;
        evaluation.sourceTitle = source.title().strip();
        evaluation.sourceUrl = source.url().strip();
        evaluation.summary = blankToNull(summary);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
