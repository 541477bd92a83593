package org.planwatch.evaluation;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import org.planwatch.common.problem.ApiException;
import org.planwatch.domain.ApiPaths;

@ApplicationScoped
public class EvaluationRepository implements PanacheRepository<Evaluation> {

    /** An evaluation with its evaluator and plan, or a 404 that names it. */
    public Evaluation require(long id) {
        return find("from Evaluation e join fetch e.evaluator join fetch e.plan where e.id = ?1", id)
                .firstResultOptional()
                .orElseThrow(() -> new ApiException.NotFound("There is no evaluation " + id + ". GET " + ApiPaths.PLAN
                        + "/evaluations lists a plan's evaluations."));
    }

    /** A plan's evaluations, newest first, each with its number of assessments. */
    public List<Object[]> pageForPlan(long planId, LocalDate afterDate, Long afterId, int limit) {
        String keyset = afterDate == null ? "" : " and (e.date < :date or (e.date = :date and e.id < :id))";
        var query = getEntityManager()
                .createQuery("""
                select e, (select count(a) from Assessment a where a.evaluation = e)
                from Evaluation e join fetch e.evaluator join fetch e.plan
                where e.plan.id = :plan""" + keyset + " order by e.date desc, e.id desc", Object[].class)
                .setParameter("plan", planId)
                .setMaxResults(limit + 1);
        if (afterDate != null) {
            query.setParameter("date", afterDate).setParameter("id", afterId);
        }
        return query.getResultList();
    }
}
