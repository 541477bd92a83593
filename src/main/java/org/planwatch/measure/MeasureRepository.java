package org.planwatch.measure;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.planwatch.common.db.Rows;
import org.planwatch.common.db.StatusJoin;
import org.planwatch.domain.AxisRef;
import org.planwatch.domain.EvaluationRef;
import org.planwatch.domain.EvaluatorRef;
import org.planwatch.domain.EvidenceLink;
import org.planwatch.domain.Status;
import org.planwatch.domain.StatusBasis;

@ApplicationScoped
public class MeasureRepository implements PanacheRepository<Measure> {

    private static final int PAGE = 200;

    /** Each evaluator's latest assessment of the measures of {@code page}, as {@code latest}. */
    private static final String LATEST_BY_EVALUATOR = """
            left join (
                select la.measure_id, lev.slug, lev.name, lev.short_name, la.status, la.evaluation_id, la.evaluation_date
                from evaluator_latest_assessment la
                join evaluator lev on lev.id = la.evaluator_id) latest on latest.measure_id = page.id""";

    private static final String LATEST_BY_EVALUATOR_AS_OF = """
            left join lateral (
                select lev.slug, lev.name, lev.short_name, la.status, la.evaluation_id, la.evaluation_date
                from evaluator lev
                join lateral (
                    select la.status, la.evaluation_id, la.evaluation_date
                    from assessment la
                    where la.measure_id = page.id and la.evaluator_id = lev.id and la.evaluation_date <= :basisAsOf
                    order by la.evaluation_date desc, la.evaluation_id desc
                    limit 1) la on true) latest on true""";

    /**
     * One page of a plan's measures in number order, each with its axis, its status on the given basis and
     * each evaluator's latest status, in a single statement whatever the filters. The plan is named by its
     * slug, so that reading it costs no statement of its own; a plan that does not exist gives an empty page.
     */
    public List<MeasureView> page(
            String planSlug, MeasureFilter filter, StatusBasis basis, int afterNumber, int limit) {
        StringBuilder where =
                new StringBuilder("m.plan_id = (select p.id from plan p where p.slug = :plan) and m.number > :after");
        if (filter.number() != null) {
            where.append(" and m.number = :number");
        }
        if (filter.axis() != null) {
            where.append(" and a.number = :axis");
        }
        if (!filter.statuses().isEmpty()) {
            where.append(" and coalesce(s.status, 'NOT_ASSESSED') in (:statuses)");
        }
        for (int i = 0; i < filter.words().size(); i++) {
            where.append(" and m.search_text like '%' || planwatch_fold(:word")
                    .append(i)
                    .append(") || '%' escape '\\'");
        }
        // the page of measures first, then for each of them each evaluator's newest assessment (one row per measure
        // and evaluator that assessed it): kept by the database (V7), or as of a date one look-up per measure and
        // evaluator in the index that orders a measure's assessments by evaluator, newest first
        Query query = getEntityManager()
                .createNativeQuery("""
                with page as (
                    select m.id, m.number, m.title, a.number as axis_number, a.title as axis_title,
                           coalesce(s.status, 'NOT_ASSESSED') as status, s.evaluation_id
                    from measure m
                    join axis a on a.id = m.axis_id
                    %s
                    where %s
                    order by m.number
                    limit :limit)
                select page.number, page.title, page.axis_number, page.axis_title, page.status,
                       e.id, e.date, ev.slug, ev.name, ev.short_name,
                       latest.status as evaluator_status, latest.evaluation_id as evaluator_evaluation_id,
                       latest.evaluation_date as evaluator_date, latest.slug as evaluator_slug, latest.name as evaluator_name,
                       latest.short_name as evaluator_short_name
                from page
                left join evaluation e on e.id = page.evaluation_id
                left join evaluator ev on ev.id = e.evaluator_id
                %s
                order by page.number, latest.slug collate "C"
                """.formatted(
                                StatusJoin.of(basis),
                                where,
                                basis.asOf() == null ? LATEST_BY_EVALUATOR : LATEST_BY_EVALUATOR_AS_OF))
                .setParameter("plan", planSlug)
                .setParameter("after", afterNumber)
                .setParameter("limit", limit + 1);
        StatusJoin.bind(basis, query);
        if (filter.number() != null) {
            query.setParameter("number", filter.number());
        }
        if (filter.axis() != null) {
            query.setParameter("axis", filter.axis());
        }
        if (!filter.statuses().isEmpty()) {
            query.setParameter(
                    "statuses", filter.statuses().stream().map(Enum::name).toList());
        }
        for (int i = 0; i < filter.words().size(); i++) {
            query.setParameter("word" + i, escapeLike(filter.words().get(i)));
        }

        List<MeasureView> page = new ArrayList<>();
        MeasureView measure = null;
        List<MeasureView.EvaluatorStatus> statuses = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] c = (Object[]) row;
            if (measure == null || measure.number() != Rows.intValue(c[0])) {
                if (measure != null) {
                    page.add(measure.withEvaluatorStatuses(statuses));
                }
                measure = toView(c);
                statuses = new ArrayList<>();
            }
            if (c[10] != null) {
                Status status = Status.valueOf((String) c[10]);
                statuses.add(new MeasureView.EvaluatorStatus(
                        new EvaluatorRef((String) c[13], (String) c[14], (String) c[15]),
                        status,
                        status.label,
                        Rows.longValue(c[11]),
                        Rows.date(c[12])));
            }
        }
        if (measure != null) {
            page.add(measure.withEvaluatorStatuses(statuses));
        }
        return page;
    }

    /** Every measure that matches, in number order: the pages above, walked to the end (for exports and pages). */
    public List<MeasureView> all(String planSlug, MeasureFilter filter, StatusBasis basis) {
        List<MeasureView> all = new ArrayList<>();
        int after = 0;
        while (true) {
            List<MeasureView> page = page(planSlug, filter, basis, after, PAGE);
            all.addAll(page.subList(0, Math.min(page.size(), PAGE)));
            if (page.size() <= PAGE) {
                return all;
            }
            after = page.get(PAGE - 1).number();
        }
    }

    /**
     * Every assessment of a measure (known on asOf, when given), newest evaluation first, each with its
     * evaluation, evaluator and evidence, in one statement.
     */
    public List<MeasureDetail.Item> assessments(String planSlug, int number, LocalDate asOf) {
        Query query = getEntityManager()
                .createNativeQuery("""
                select a.id, e.id as evaluation_id, e.title, e.date, ev.slug, ev.name, ev.short_name, a.status, a.comment,
                       x.url, x.title as evidence_title, x.archived_url
                from assessment a
                join measure m on m.id = a.measure_id
                join evaluation e on e.id = a.evaluation_id
                join evaluator ev on ev.id = e.evaluator_id
                left join evidence x on x.assessment_id = a.id
                where m.plan_id = (select p.id from plan p where p.slug = :plan) and m.number = :number%s
                order by a.evaluation_date desc, a.evaluation_id desc, a.id, x.position
                """.formatted(asOf == null ? "" : " and a.evaluation_date <= :asOf"))
                .setParameter("plan", planSlug)
                .setParameter("number", number);
        if (asOf != null) {
            query.setParameter("asOf", asOf);
        }
        Map<Long, MeasureDetail.Item> items = new LinkedHashMap<>();
        for (Object row : query.getResultList()) {
            Object[] c = (Object[]) row;
            MeasureDetail.Item item = items.computeIfAbsent(Rows.longValue(c[0]), id -> {
                Status status = Status.valueOf((String) c[7]);
                return new MeasureDetail.Item(
                        new EvaluationRef(
                                Rows.longValue(c[1]),
                                (String) c[2],
                                Rows.date(c[3]),
                                new EvaluatorRef((String) c[4], (String) c[5], (String) c[6])),
                        status,
                        status.label,
                        (String) c[8],
                        new ArrayList<>());
            });
            if (c[9] != null) {
                item.evidence().add(new EvidenceLink((String) c[9], (String) c[10], (String) c[11]));
            }
        }
        return List.copyOf(items.values());
    }

    public Optional<Measure> findByNumber(long planId, int number) {
        return find(
                        "from Measure m join fetch m.axis join fetch m.plan where m.plan.id = ?1 and m.number = ?2",
                        planId,
                        number)
                .firstResultOptional();
    }

    private static MeasureView toView(Object[] c) {
        Status status = Status.valueOf((String) c[4]);
        MeasureView.StatusSource source = c[5] == null
                ? null
                : new MeasureView.StatusSource(
                        Rows.longValue(c[5]), Rows.date(c[6]), new EvaluatorRef((String) c[7], (String) c[8], (String)
                                c[9]));
        return new MeasureView(
                Rows.intValue(c[0]),
                (String) c[1],
                new AxisRef(Rows.intValue(c[2]), (String) c[3]),
                status,
                status.label,
                source,
                List.of(),
                false);
    }

    private static String escapeLike(String word) {
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /**
     * Deletes the measure with its assessments: bulk deletes, so that the assessments loaded for the 409 check are
     * not checked against a removed measure at flush.
     */
    public void deleteWithAssessments(Measure measure) {
        getEntityManager()
                .createQuery("delete from Assessment a where a.measure = :m")
                .setParameter("m", measure)
                .executeUpdate();
        getEntityManager()
                .createQuery("delete from Measure m where m.id = :id")
                .setParameter("id", measure.id)
                .executeUpdate();
    }
}
