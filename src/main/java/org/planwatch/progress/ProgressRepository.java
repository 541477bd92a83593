package org.planwatch.progress;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.planwatch.common.db.Rows;
import org.planwatch.common.db.StatusJoin;
import org.planwatch.domain.AxisProgress;
import org.planwatch.domain.DueBy;
import org.planwatch.domain.EvaluationRef;
import org.planwatch.domain.EvaluatorRef;
import org.planwatch.domain.Progress;
import org.planwatch.domain.Status;
import org.planwatch.domain.StatusBasis;
import org.planwatch.plan.PlanProgress;

/** Status counts per axis, for any number of plans, in one statement. */
@ApplicationScoped
public class ProgressRepository implements PlanProgress {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Override
    public Map<Long, List<AxisProgress>> axesByPlan(Collection<Long> planIds, StatusBasis basis) {
        if (planIds.isEmpty()) {
            return new LinkedHashMap<>();
        }
        // one array parameter rather than a list of them, so that the statement is the same for any number of plans
        return axes("plan_id = any(:plans)", planIds.toArray(Long[]::new), basis);
    }

    @Override
    public List<AxisProgress> axes(long planId, StatusBasis basis) {
        return axesByPlan(List.of(planId), basis).getOrDefault(planId, List.of());
    }

    /** A plan's axes by its slug, without a statement to find the plan first: empty when there is no such plan. */
    public List<AxisProgress> axes(String planSlug, StatusBasis basis) {
        return axes("plan_id = (select p.id from plan p where p.slug = :plans)", planSlug, basis).values().stream()
                .findFirst()
                .orElse(List.of());
    }

    /**
     * The axes of the plans {@code plans} names ({@code planCondition} on their {@code plan_id}). The plans' measures
     * are counted first, by axis, status and deadline, and the counts then joined to their axes (an axis without
     * measures too): grouping the measures before the axes' titles join them costs PostgreSQL less than grouping the
     * joined rows by axis number and title, as this did before (bench/RESULTS.md).
     */
    private Map<Long, List<AxisProgress>> axes(String planCondition, Object plans, StatusBasis basis) {
        Query query = em.createNativeQuery("""
                select a.plan_id, a.number, a.title, coalesce(g.status, 'NOT_ASSESSED') as status, coalesce(g.n, 0), g.due_by
                from axis a
                left join (
                    select m.axis_id, coalesce(s.status, 'NOT_ASSESSED') as status, m.due_by, count(*) as n
                    from measure m
                    %s
                    where m.%s
                    group by m.axis_id, coalesce(s.status, 'NOT_ASSESSED'), m.due_by) g on g.axis_id = a.id
                where a.%s
                order by a.plan_id, a.number
                """.formatted(StatusJoin.of(basis), planCondition, planCondition));
        query.setParameter("plans", plans);
        StatusJoin.bind(basis, query);
        LocalDate day = basis.day(clock);
        return axesBy(query.getResultList(), Rows::longValue, plan -> day);
    }

    /** The plan's progress as known at each of its evaluation dates, in one statement (plus one for the evaluations). */
    public List<ProgressHistory.Point> history(long planId) {
        Query query = em.createNativeQuery("""
                select d.date, a.number, a.title, coalesce(s.status, 'NOT_ASSESSED') as status, count(m.id), m.due_by
                from (select distinct date from evaluation where plan_id = :plan) d
                cross join axis a
                left join measure m on m.axis_id = a.id
                left join lateral latest_assessment_of(m.id, d.date) s on true
                where a.plan_id = :plan
                group by d.date, a.number, a.title, coalesce(s.status, 'NOT_ASSESSED'), m.due_by
                order by d.date, a.number
                """).setParameter("plan", planId);
        Map<LocalDate, List<AxisProgress>> byDate = axesBy(query.getResultList(), Rows::date, date -> date);
        Map<LocalDate, List<EvaluationRef>> evaluations = new LinkedHashMap<>();
        em.createQuery(EVALUATIONS + " where e.plan.id = :plan order by e.date, e.id", Object[].class)
                .setParameter("plan", planId)
                .getResultList()
                .forEach(row -> evaluations
                        .computeIfAbsent((LocalDate) row[2], d -> new ArrayList<>())
                        .add(evaluationRef(row)));
        List<ProgressHistory.Point> points = new ArrayList<>();
        byDate.forEach((date, axes) -> points.add(new ProgressHistory.Point(
                date, evaluations.getOrDefault(date, List.of()), Progress.overall(axes), axes)));
        return points;
    }

    /**
     * Rows of (key, axis number, axis title, status, count, deadline), ordered by key and axis, as each key's axes in
     * order with their progress: the key is a plan's id, or a date of the plan's history. Overdue measures are counted
     * here, on the key's day, from the deadlines the rows are grouped by: counted in SQL, the day had to be compared with
     * every measure's deadline, which made the progress of a plan without deadlines (most) slower (bench/RESULTS.md).
     */
    private static <K> Map<K, List<AxisProgress>> axesBy(
            List<?> rows, Function<Object, K> key, Function<K, LocalDate> day) {
        Map<K, Map<Integer, String>> titles = new LinkedHashMap<>();
        Map<K, Map<Integer, Map<Status, Long>>> counts = new LinkedHashMap<>();
        Map<K, Map<Integer, Long>> overdue = new LinkedHashMap<>();
        for (Object row : rows) {
            Object[] c = (Object[]) row;
            K k = key.apply(c[0]);
            int axis = Rows.intValue(c[1]);
            titles.computeIfAbsent(k, x -> new LinkedHashMap<>()).put(axis, (String) c[2]);
            Status status = Status.valueOf((String) c[3]);
            long count = Rows.longValue(c[4]);
            counts.computeIfAbsent(k, x -> new LinkedHashMap<>())
                    .computeIfAbsent(axis, x -> new EnumMap<>(Status.class))
                    .merge(status, count, Long::sum);
            overdue.computeIfAbsent(k, x -> new LinkedHashMap<>())
                    .merge(axis, DueBy.overdue(Rows.date(c[5]), status, day.apply(k)) ? count : 0, Long::sum);
        }
        Map<K, List<AxisProgress>> result = new LinkedHashMap<>();
        counts.forEach((k, axes) -> {
            List<AxisProgress> list = new ArrayList<>();
            axes.forEach((axis, byStatus) -> list.add(new AxisProgress(
                    axis,
                    titles.get(k).get(axis),
                    Progress.of(byStatus, overdue.get(k).get(axis)))));
            result.put(k, list);
        });
        return result;
    }

    /** One evaluation of the plan, as named in its progress; empty when the plan has no such evaluation. */
    public Optional<EvaluationRef> evaluation(long evaluationId, long planId) {
        return em
                .createQuery(EVALUATIONS + " where e.id = :id and e.plan.id = :plan", Object[].class)
                .setParameter("id", evaluationId)
                .setParameter("plan", planId)
                .getResultList()
                .stream()
                .findFirst()
                .map(ProgressRepository::evaluationRef);
    }

    /** Evaluations as their references, with their evaluator: the columns {@link #evaluationRef} reads. */
    private static final String EVALUATIONS =
            "select e.id, e.title, e.date, ev.slug, ev.name, ev.shortName from Evaluation e join e.evaluator ev";

    private static EvaluationRef evaluationRef(Object[] row) {
        return new EvaluationRef(
                (Long) row[0],
                (String) row[1],
                (LocalDate) row[2],
                new EvaluatorRef((String) row[3], (String) row[4], (String) row[5]));
    }
}
