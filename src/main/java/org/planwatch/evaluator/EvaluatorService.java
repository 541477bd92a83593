package org.planwatch.evaluator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import org.planwatch.common.problem.ApiException;
import org.planwatch.common.problem.Problem;
import org.planwatch.domain.ApiPaths;
import org.planwatch.history.Writes;

/** Writing evaluators. */
@ApplicationScoped
public class EvaluatorService {

    @Inject
    EvaluatorRepository evaluators;

    @Inject
    Writes writes;

    @Transactional
    public EvaluatorView create(EvaluatorInput input) {
        return writes.create(
                null,
                () -> {
                    if (evaluators
                            .find("slug", input.slug())
                            .firstResultOptional()
                            .isPresent()) {
                        throw new ApiException.Conflict("Evaluator " + input.slug() + " already exists.");
                    }
                    Evaluator evaluator = new Evaluator();
                    evaluator.slug = input.slug();
                    apply(evaluator, input);
                    evaluators.persist(evaluator);
                    return evaluator;
                },
                EvaluatorService::subject);
    }

    @Transactional
    public EvaluatorView update(String slug, String ifMatch, EvaluatorInput input) {
        return writes.update(ifMatch, () -> subject(evaluators.require(slug)), () -> {
            if (!input.slug().equals(slug)) {
                throw new ApiException.Unprocessable(
                        "An evaluator's slug is its address and cannot change.",
                        List.of(new Problem.FieldError("slug", "must stay " + slug)));
            }
            apply(evaluators.require(slug), input);
        });
    }

    /**
     * Deletes an evaluator; with cascade, also its evaluations (and their assessments) and its API keys,
     * otherwise 409 when it has any. The measures those evaluations gave their status may be in several plans.
     */
    @Transactional
    public void delete(String slug, String ifMatch, boolean cascade) {
        writes.delete(
                ifMatch,
                () -> {
                    Evaluator evaluator = evaluators.require(slug);
                    return subject(evaluator).watching(evaluators.plansOf(evaluator));
                },
                before -> {
                    Evaluator evaluator = evaluators.require(slug);
                    List<Long> evaluations = evaluators.evaluationsOf(evaluator);
                    long keys = evaluators.countApiKeys(evaluator);
                    if (!cascade && (!evaluations.isEmpty() || keys > 0)) {
                        throw new ApiException.Conflict("Evaluator " + slug + " has " + evaluations.size()
                                + " evaluation(s) " + evaluations + " and " + keys
                                + " API key(s). Send cascade=true to delete them with the evaluator.");
                    }
                    evaluators.deleteWithEverything(evaluator);
                });
    }

    private static Writes.Subject<EvaluatorView> subject(Evaluator evaluator) {
        return Writes.Subject.of("evaluator", ApiPaths.evaluator(evaluator.slug), null, EvaluatorView.from(evaluator));
    }

    private static void apply(Evaluator evaluator, EvaluatorInput input) {
        evaluator.name = input.name().strip();
        evaluator.shortName = input.shortName().strip();
        evaluator.kind = input.kind();
        evaluator.website = input.website() == null || input.website().isBlank()
                ? null
                : input.website().strip();
    }
}
