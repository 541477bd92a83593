package org.planwatch.evaluation;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.planwatch.common.problem.ApiException;
import org.planwatch.common.db.Rows;
import org.planwatch.domain.EvaluationRef;
import org.planwatch.domain.EvaluatorRef;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class EvaluationRepository implements PanacheRepository<Evaluation> {

    /** An evaluation with its evaluator and plan, or a 404 that names it. */
    public Evaluation require(long id) {
        return find("from Evaluation e join fetch e.evaluator join fetch e.plan where e.id = ?1", id)
                .firstResultOptional()
                .orElseThrow(() -> new ApiException.NotFound("There is no evaluation " + id
                        + ". GET /api/v1/plans/{plan}/evaluations lists a plan's evaluations."));
    }

    /** A plan's evaluations, newest first, each with its number of assessments. */
    public List<Object[]> pageForPlan(long planId, LocalDate afterDate, Long afterId, int limit) {
        String keyset = afterDate == null ? "" : " and (e.date < :date or (e.date = :date and e.id < :id))";
        var query = getEntityManager().createQuery("""
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

    /**
     * The most recent evaluation of each plan that has one, in one statement: one look-up per plan in the
     * index that orders a plan's evaluations newest first, however many it has.
     */
    public Map<Long, EvaluationRef> latestByPlan(Collection<Long> planIds) {
        Map<Long, EvaluationRef> latest = new HashMap<>();
        if (planIds.isEmpty()) {
            return latest;
        }
        List<?> rows = getEntityManager().createNativeQuery("""
                select p.id as plan_id, e.id, e.title, e.date, ev.slug, ev.name, ev.short_name
                from plan p
                join lateral (
                    select x.id, x.title, x.date, x.evaluator_id from evaluation x
                    where x.plan_id = p.id
                    order by x.date desc, x.id desc
                    limit 1) e on true
                join evaluator ev on ev.id = e.evaluator_id
                where p.id = any(:plans)""")
                .setParameter("plans", planIds.toArray(Long[]::new))
                .getResultList();
        for (Object row : rows) {
            Object[] c = (Object[]) row;
            latest.put(Rows.longValue(c[0]), new EvaluationRef(Rows.longValue(c[1]), (String) c[2], Rows.date(c[3]),
                    new EvaluatorRef((String) c[4], (String) c[5], (String) c[6])));
        }
        return latest;
    }

    public Optional<Evaluation> findInPlan(long id, long planId) {
        return find("from Evaluation e join fetch e.evaluator join fetch e.plan where e.id = ?1 and e.plan.id = ?2", id, planId)
                .firstResultOptional();
    }
}
