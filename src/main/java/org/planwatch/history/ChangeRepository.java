package org.planwatch.history;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

/** Reading the change feed: the JSON feed pages through it in commit order, the Atom feed takes its latest status changes. */
@ApplicationScoped
public class ChangeRepository {

    @Inject
    EntityManager em;

    /** What a reader of the feed narrows it to; every field is optional. */
    public record Filter(String plan, Integer axis, String evaluator, Change.Kind kind) {
    }

    /** Changes after the given id, oldest first (newest first when {@code newestFirst}); at most {@code limit}. */
    public List<Change> find(Filter filter, long afterId, boolean newestFirst, int limit) {
        StringBuilder jpql = new StringBuilder("from Change c where c.id > :after");
        if (filter.plan() != null) {
            jpql.append(" and c.planSlug = :plan");
        }
        if (filter.kind() != null) {
            jpql.append(" and c.kind = :kind");
        }
        if (filter.evaluator() != null) {
            jpql.append(" and c.evaluatorSlug = :evaluator");
        }
        if (filter.axis() != null) {
            // a change names its measure by plan and number; the measure's axis is looked up as it is now
            jpql.append(" and exists (select 1 from Measure m where m.plan.slug = c.planSlug and m.number = c.measureNumber"
                    + " and m.axis.number = :axis)");
        }
        jpql.append(newestFirst ? " order by c.id desc" : " order by c.id");
        TypedQuery<Change> query = em.createQuery(jpql.toString(), Change.class).setParameter("after", afterId).setMaxResults(limit);
        if (filter.plan() != null) {
            query.setParameter("plan", filter.plan());
        }
        if (filter.kind() != null) {
            query.setParameter("kind", filter.kind());
        }
        if (filter.evaluator() != null) {
            query.setParameter("evaluator", filter.evaluator());
        }
        if (filter.axis() != null) {
            query.setParameter("axis", filter.axis());
        }
        return query.getResultList();
    }
}
