package org.planwatch.measure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;

import org.planwatch.axis.AxisRef;
import org.planwatch.common.Rows;
import org.planwatch.evaluation.Status;
import org.planwatch.evaluation.StatusBasis;
import org.planwatch.evaluator.EvaluatorRef;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class MeasureRepository implements PanacheRepository<Measure> {

    private static final int PAGE = 200;

    /**
     * One page of a plan's measures in number order, each with its axis and its status on the given
     * basis, in a single statement whatever the filters.
     */
    public List<MeasureView> page(long planId, MeasureFilter filter, StatusBasis basis, int afterNumber, int limit) {
        StringBuilder sql = new StringBuilder("""
                select m.number, m.title, a.number as axis_number, a.title as axis_title,
                       coalesce(s.status, 'NOT_ASSESSED') as status, e.id as evaluation_id, e.date,
                       ev.slug, ev.name, ev.short_name
                from measure m
                join axis a on a.id = m.axis_id
                %s
                left join evaluation e on e.id = s.evaluation_id
                left join evaluator ev on ev.id = e.evaluator_id
                where m.plan_id = :plan and m.number > :after
                """.formatted(basis.join()));
        if (filter.number() != null) {
            sql.append(" and m.number = :number");
        }
        if (filter.axis() != null) {
            sql.append(" and a.number = :axis");
        }
        if (!filter.statuses().isEmpty()) {
            sql.append(" and coalesce(s.status, 'NOT_ASSESSED') in (:statuses)");
        }
        for (int i = 0; i < filter.words().size(); i++) {
            sql.append(" and m.search_text like '%' || planwatch_fold(:word").append(i).append(") || '%' escape '\\'");
        }
        sql.append(" order by m.number");

        Query query = getEntityManager().createNativeQuery(sql.toString())
                .setParameter("plan", planId)
                .setParameter("after", afterNumber)
                .setMaxResults(limit + 1);
        basis.bind(query);
        if (filter.number() != null) {
            query.setParameter("number", filter.number());
        }
        if (filter.axis() != null) {
            query.setParameter("axis", filter.axis());
        }
        if (!filter.statuses().isEmpty()) {
            query.setParameter("statuses", filter.statuses().stream().map(Enum::name).toList());
        }
        for (int i = 0; i < filter.words().size(); i++) {
            query.setParameter("word" + i, escapeLike(filter.words().get(i)));
        }

        List<MeasureView> page = ((List<?>) query.getResultList()).stream().map(row -> toView((Object[]) row)).toList();
        Map<Integer, List<MeasureView.EvaluatorStatus>> byEvaluator = evaluatorStatuses(planId, page, basis.asOf());
        return page.stream().map(m -> m.withEvaluatorStatuses(byEvaluator.getOrDefault(m.number(), List.of()))).toList();
    }

    /** Every measure that matches, in number order: the pages above, walked to the end (for exports and pages). */
    public List<MeasureView> all(long planId, MeasureFilter filter, StatusBasis basis) {
        List<MeasureView> all = new ArrayList<>();
        int after = 0;
        while (true) {
            List<MeasureView> page = page(planId, filter, basis, after, PAGE);
            all.addAll(page.subList(0, Math.min(page.size(), PAGE)));
            if (page.size() <= PAGE) {
                return all;
            }
            after = page.get(PAGE - 1).number();
        }
    }

    /** Each evaluator's latest status for the given measures, in one statement. */
    private Map<Integer, List<MeasureView.EvaluatorStatus>> evaluatorStatuses(long planId, List<MeasureView> measures, LocalDate asOf) {
        Map<Integer, List<MeasureView.EvaluatorStatus>> result = new HashMap<>();
        if (measures.isEmpty()) {
            return result;
        }
        // for each measure and evaluator, the newest of its assessments by that evaluator, read through the
        // index that orders a measure's assessments newest first
        Query query = getEntityManager().createNativeQuery("""
                select m.number, ev.slug, ev.name, ev.short_name, s.status, s.evaluation_id, s.evaluation_date
                from measure m
                cross join evaluator ev
                join lateral (
                    select a.status, a.evaluation_id, a.evaluation_date
                    from assessment a join evaluation e on e.id = a.evaluation_id
                    where a.measure_id = m.id and e.evaluator_id = ev.id""" + (asOf == null ? "" : " and a.evaluation_date <= :asOf") + """

                    order by a.evaluation_date desc, a.evaluation_id desc
                    limit 1) s on true
                where m.plan_id = :plan and m.number in (:numbers)""")
                .setParameter("plan", planId)
                .setParameter("numbers", measures.stream().map(MeasureView::number).toList());
        if (asOf != null) {
            query.setParameter("asOf", asOf);
        }
        for (Object row : query.getResultList()) {
            Object[] c = (Object[]) row;
            Status status = Status.valueOf((String) c[4]);
            result.computeIfAbsent(Rows.intValue(c[0]), n -> new ArrayList<>()).add(new MeasureView.EvaluatorStatus(
                    new EvaluatorRef((String) c[1], (String) c[2], (String) c[3]), status, status.label, Rows.longValue(c[5]), Rows.date(c[6])));
        }
        result.values().forEach(list -> list.sort(Comparator.comparing(s -> s.evaluator().slug())));
        return result;
    }

    public java.util.Optional<Measure> findByNumber(long planId, int number) {
        return find("from Measure m join fetch m.axis join fetch m.plan where m.plan.id = ?1 and m.number = ?2", planId, number)
                .firstResultOptional();
    }

    private static MeasureView toView(Object[] c) {
        Status status = Status.valueOf((String) c[4]);
        MeasureView.StatusSource source = c[5] == null ? null
                : new MeasureView.StatusSource(Rows.longValue(c[5]), Rows.date(c[6]), new EvaluatorRef((String) c[7], (String) c[8], (String) c[9]));
        return new MeasureView(Rows.intValue(c[0]), (String) c[1], new AxisRef(Rows.intValue(c[2]), (String) c[3]),
                status, status.label, source, List.of(), false);
    }

    private static String escapeLike(String word) {
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
