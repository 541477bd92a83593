package org.planwatch.evaluator;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.planwatch.common.problem.ApiException;
import org.planwatch.domain.ApiPaths;

@ApplicationScoped
public class EvaluatorRepository implements PanacheRepository<Evaluator> {

    public Evaluator require(String slug) {
        return find("slug", slug)
                .firstResultOptional()
                .orElseThrow(() -> new ApiException.NotFound(
                        "There is no evaluator '" + slug + "'. GET " + ApiPaths.EVALUATORS + " lists them."));
    }

    public List<Evaluator> page(String afterSlug, int limit) {
        var query = afterSlug == null
                ? findAll(Sort.ascending("slug"))
                : find("slug > ?1", Sort.ascending("slug"), afterSlug);
        return query.page(0, limit + 1).list();
    }

    /** The plans of the evaluator's evaluations. */
    public List<String> plansOf(Evaluator evaluator) {
        return getEntityManager()
                .createQuery("select distinct e.plan.slug from Evaluation e where e.evaluator = :ev", String.class)
                .setParameter("ev", evaluator)
                .getResultList();
    }

    /** The ids of the evaluator's evaluations, in order. */
    public List<Long> evaluationsOf(Evaluator evaluator) {
        return getEntityManager()
                .createQuery("select e.id from Evaluation e where e.evaluator = :ev order by e.id", Long.class)
                .setParameter("ev", evaluator)
                .getResultList();
    }

    public long countApiKeys(Evaluator evaluator) {
        return getEntityManager()
                .createQuery("select count(k) from ApiKey k where k.evaluator = :ev", Long.class)
                .setParameter("ev", evaluator)
                .getSingleResult();
    }

    /** Deletes the evaluator with its evaluations, their assessments, and its API keys (bulk deletes). */
    public void deleteWithEverything(Evaluator evaluator) {
        var em = getEntityManager();
        em.createQuery("delete from Assessment a where a.evaluation.evaluator = :ev")
                .setParameter("ev", evaluator)
                .executeUpdate();
        em.createQuery("delete from Evaluation e where e.evaluator = :ev")
                .setParameter("ev", evaluator)
                .executeUpdate();
        em.createQuery("delete from ApiKey k where k.evaluator = :ev")
                .setParameter("ev", evaluator)
                .executeUpdate();
        em.createQuery("delete from Evaluator e where e.id = :id")
                .setParameter("id", evaluator.id)
                .executeUpdate();
    }
}
