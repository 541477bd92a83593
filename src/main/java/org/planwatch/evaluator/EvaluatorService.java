package org.planwatch.evaluator;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.planwatch.common.problem.ApiException;
import org.planwatch.common.http.ETags;
import org.planwatch.common.problem.Problem;
import org.planwatch.history.Change;
import org.planwatch.history.History;

/** Writing evaluators. */
@ApplicationScoped
public class EvaluatorService {

    @Inject
    EvaluatorRepository evaluators;
    @Inject
    History history;
    @Inject
    ETags etags;
    @Inject
    EntityManager em;

    @Transactional
    public EvaluatorView create(EvaluatorInput input) {
        history.lock();
        History.Write write = history.begin(null);
        if (evaluators.find("slug", input.slug()).firstResultOptional().isPresent()) {
            throw new ApiException.Conflict("Evaluator " + input.slug() + " already exists.");
        }
        Evaluator evaluator = new Evaluator();
        evaluator.slug = input.slug();
        apply(evaluator, input);
        evaluators.persist(evaluator);
        EvaluatorView created = EvaluatorView.from(evaluator);
        history.record(write, Change.Kind.CREATED, "evaluator", path(evaluator.slug), null, created);
        return created;
    }

    @Transactional
    public EvaluatorView update(String slug, String ifMatch, EvaluatorInput input) {
        history.lock();
        Evaluator evaluator = evaluators.require(slug);
        History.Write write = history.begin(null);
        EvaluatorView before = EvaluatorView.from(evaluator);
        etags.requireMatch(ifMatch, before);
        if (!input.slug().equals(slug)) {
            throw new ApiException.Unprocessable("An evaluator's slug is its address and cannot change.",
                    List.of(new Problem.FieldError("slug", "must stay " + slug)));
        }
        apply(evaluator, input);
        EvaluatorView after = EvaluatorView.from(evaluator);
        history.record(write, Change.Kind.UPDATED, "evaluator", path(slug), before, after);
        return after;
    }

    /**
     * Deletes an evaluator; with cascade, also its evaluations (and their assessments) and its API keys,
     * otherwise 409 when it has any.
     */
    @Transactional
    public void delete(String slug, String ifMatch, boolean cascade) {
        history.lock();
        Evaluator evaluator = evaluators.require(slug);
        List<String> plans = em.createQuery("select distinct e.plan.slug from Evaluation e where e.evaluator = :ev", String.class)
                .setParameter("ev", evaluator).getResultList();
        History.Write write = history.begin(null, plans);
        EvaluatorView before = EvaluatorView.from(evaluator);
        etags.requireMatch(ifMatch, before);
        List<Long> evaluations = em.createQuery("select e.id from Evaluation e where e.evaluator = :ev order by e.id", Long.class)
                .setParameter("ev", evaluator).getResultList();
        long keys = em.createQuery("select count(k) from ApiKey k where k.evaluator = :ev", Long.class)
                .setParameter("ev", evaluator).getSingleResult();
        if (!cascade && (!evaluations.isEmpty() || keys > 0)) {
            throw new ApiException.Conflict("Evaluator " + slug + " has " + evaluations.size() + " evaluation(s) " + evaluations
                    + " and " + keys + " API key(s). Send cascade=true to delete them with the evaluator.");
        }
        em.createQuery("delete from Assessment a where a.evaluation.evaluator = :ev").setParameter("ev", evaluator).executeUpdate();
        em.createQuery("delete from Evaluation e where e.evaluator = :ev").setParameter("ev", evaluator).executeUpdate();
        em.createQuery("delete from ApiKey k where k.evaluator = :ev").setParameter("ev", evaluator).executeUpdate();
        em.createQuery("delete from Evaluator e where e.id = :id").setParameter("id", evaluator.id).executeUpdate();
        history.record(write, Change.Kind.DELETED, "evaluator", path(slug), before, null);
    }

    public static String path(String slug) {
        return "/api/v1/evaluators/" + slug;
    }

    private static void apply(Evaluator evaluator, EvaluatorInput input) {
        evaluator.name = input.name().strip();
        evaluator.shortName = input.shortName().strip();
        evaluator.kind = input.kind();
        evaluator.website = input.website() == null || input.website().isBlank() ? null : input.website().strip();
    }
}
