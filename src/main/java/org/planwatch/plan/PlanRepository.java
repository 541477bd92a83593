package org.planwatch.plan;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.planwatch.common.db.Rows;
import org.planwatch.common.db.TakenUp;
import org.planwatch.common.problem.ApiException;
import org.planwatch.domain.ApiPaths;
import org.planwatch.domain.EvaluationRef;
import org.planwatch.domain.EvaluatorRef;

@ApplicationScoped
public class PlanRepository implements PanacheRepository<Plan> {

    public Optional<Plan> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    /** The plan, or a 404 that names it. */
    public Plan require(String slug) {
        return findBySlug(slug)
                .orElseThrow(() -> new ApiException.NotFound(
                        "There is no plan '" + slug + "'. Plans are addressed by their period, such as 2019-2021; GET "
                                + ApiPaths.PLANS + " lists them."));
    }

    /** Latest plans first: a plan's slug is its period, so slugs sort chronologically. */
    public List<Plan> page(String afterSlug, int limit) {
        var query =
                afterSlug == null ? find("order by slug desc") : find("slug < ?1", Sort.descending("slug"), afterSlug);
        return query.page(0, limit + 1).list();
    }

    /**
     * The latest plan that has measures (a plan just created, its measures not loaded yet, is not the one to show
     * first); the latest plan when none has any; empty when there is no plan.
     */
    public List<Plan> latestWithMeasures() {
        List<Plan> withMeasures =
                find("from Plan p where exists (select 1 from Measure m where m.plan = p) order by p.slug desc")
                        .page(0, 1)
                        .list();
        return withMeasures.isEmpty() ? find("order by slug desc").page(0, 1).list() : withMeasures;
    }

    /**
     * The most recent evaluation of each plan that has one, in one statement: one look-up per plan in the
     * index that orders a plan's evaluations newest first, however many it has.
     */
    public Map<Long, EvaluationRef> latestEvaluations(Collection<Long> planIds) {
        Map<Long, EvaluationRef> latest = new HashMap<>();
        if (planIds.isEmpty()) {
            return latest;
        }
        List<?> rows = getEntityManager()
                .createNativeQuery("""
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
            latest.put(
                    Rows.longValue(c[0]),
                    new EvaluationRef(
                            Rows.longValue(c[1]),
                            (String) c[2],
                            Rows.date(c[3]),
                            new EvaluatorRef((String) c[4], (String) c[5], (String) c[6])));
        }
        return latest;
    }

    public long countEvaluations(long planId) {
        return getEntityManager()
                .createQuery("select count(e) from Evaluation e where e.plan.id = :plan", Long.class)
                .setParameter("plan", planId)
                .getSingleResult();
    }

    /** The measures of later plans that take up measures of this plan (see {@link TakenUp}). */
    public List<String> takenUp(Plan plan) {
        return TakenUp.measures(getEntityManager(), "t.plan_id = :target", plan.id);
    }

    /**
     * Deletes the plan with its evaluations (their assessments and evidence), measures and axes. Bulk deletes all
     * along: entities still loaded must not be checked against the removed ones at flush.
     */
    public void deleteWithEverything(Plan plan) {
        for (String entity : List.of("Assessment", "Evaluation", "Measure", "Axis")) {
            getEntityManager()
                    .createQuery("delete from " + entity + " x where x.plan.id = :plan")
                    .setParameter("plan", plan.id)
                    .executeUpdate();
        }
        getEntityManager()
                .createQuery("delete from Plan p where p.id = :id")
                .setParameter("id", plan.id)
                .executeUpdate();
    }
}
