package org.planwatch.history;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reading the change feed: the JSON feed pages through it in commit order, the Atom feed takes its latest status changes. */
@ApplicationScoped
public class ChangeRepository {

    @Inject
    EntityManager em;

    /** What a reader of the feed narrows it to; every field is optional. */
    public record Filter(String plan, Integer axis, String evaluator, Change.Kind kind) {}

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
            jpql.append(
                    " and exists (select 1 from Measure m where m.plan.slug = c.planSlug and m.number = c.measureNumber"
                            + " and m.axis.number = :axis)");
        }
        jpql.append(newestFirst ? " order by c.id desc" : " order by c.id");
        TypedQuery<Change> query = em.createQuery(jpql.toString(), Change.class)
                .setParameter("after", afterId)
                .setMaxResults(limit);
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

    /** The titles of the measures the changes name, by "plan/number", in one query. */
    public Map<String, String> measureTitles(List<Change> changes) {
        List<String> plans = changes.stream().map(c -> c.planSlug).distinct().toList();
        Map<String, String> titles = new HashMap<>();
        if (!plans.isEmpty()) {
            em.createQuery(
                            "select m.plan.slug, m.number, m.title from Measure m where m.plan.slug in :plans",
                            Object[].class)
                    .setParameter("plans", plans)
                    .getResultList()
                    .forEach(row -> titles.put(row[0] + "/" + row[1], (String) row[2]));
        }
        return titles;
    }
}
