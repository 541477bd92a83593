package org.planwatch.measure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Query;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.planwatch.common.db.Rows;
import org.planwatch.common.db.StatusJoin;
import org.planwatch.common.db.TakenUp;
import org.planwatch.domain.AxisRef;
import org.planwatch.domain.DueBy;
import org.planwatch.domain.EvaluationRef;
import org.planwatch.domain.EvaluatorRef;
import org.planwatch.domain.EvidenceLink;
import org.planwatch.domain.MeasureAddress;
import org.planwatch.domain.MeasureRef;
import org.planwatch.domain.Status;
import org.planwatch.domain.StatusBasis;

@ApplicationScoped
public class MeasureRepository implements PanacheRepository<Measure> {

    private static final int PAGE = 200;

    @Inject
    Clock clock;

    @Inject
    ObjectMapper json;

    /** The measures that take up a measure ({@code m}), oldest plan first, as a JSON array of [plan, number, title]. */
    private static final String CONTINUED_BY = """
            (select cast(json_agg(json_build_array(xp.slug, x.number, x.title)
                                  order by xp.start_year, xp.slug, x.number) as text)
             from measure x join plan xp on xp.id = x.plan_id where x.continues_id = m.id)""";

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
                    where la.measure_id = page.id and la.evaluator_id = lev.id and la.evaluation_date <= %s
                    order by la.evaluation_date desc, la.evaluation_id desc
                    limit 1) la on true) latest on true""".formatted(StatusJoin.date("basisAsOf"));

    /**
     * One page of a plan's measures in number order, each with its axis, its status on the given basis and
     * each evaluator's latest status, in a single statement whatever the filters, and a second one when some
     * measure of the page takes up a measure of an earlier plan (see {@link #views}). The plan is named by its
     * slug, so that reading it costs no statement of its own; a plan that does not exist gives an empty page.
     */
    public List<MeasureView> page(
            String planSlug, MeasureFilter filter, StatusBasis basis, int afterNumber, int limit) {
        return views(rows(planSlug, filter, basis, afterNumber, limit, false), basis.day(clock));
    }

    /** A measure found, with the measures of later plans that take it up (oldest plan first). */
    public record Found(MeasureView measure, List<MeasureRef> continuedBy) {}

    /** One measure, as a page of one shows it, and the measures that take it up: in the page's statement. */
    public Optional<Found> one(String planSlug, int number, StatusBasis basis) {
        List<Object[]> rows = rows(planSlug, MeasureFilter.number(number), basis, 0, 1, true);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<MeasureRef> continuedBy = new ArrayList<>();
        String links = (String) rows.get(0)[20];
        if (links != null) { // [[plan, number, title], ...]
            for (JsonNode link : readTree(links)) {
                continuedBy.add(new MeasureRef(
                        link.get(0).asText(), link.get(1).asInt(), link.get(2).asText()));
            }
        }
        return Optional.of(new Found(views(rows, basis.day(clock)).get(0), List.copyOf(continuedBy)));
    }

    private JsonNode readTree(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("PostgreSQL gave JSON that does not parse: " + text, e);
        }
    }

    private List<Object[]> rows(
            String planSlug,
            MeasureFilter filter,
            StatusBasis basis,
            int afterNumber,
            int limit,
            boolean withContinuedBy) {
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
        if (filter.overdue() != null) {
            where.append(filter.overdue() ? " and " : " and not ").append(StatusJoin.OVERDUE);
        }
        if (filter.lead() != null) {
            where.append(" and m.lead_search like '%' || planwatch_fold(:lead) || '%' escape '\\'");
        }
        // the page of measures first, then for each of them each evaluator's newest assessment (one row per measure
        // and evaluator that assessed it): kept by the database (V7), or as of a date one look-up per measure and
        // evaluator in the index that orders a measure's assessments by evaluator, newest first
        Query query = getEntityManager()
                .createNativeQuery("""
                with page as (
                    select m.id, m.number, m.title, a.number as axis_number, a.title as axis_title,
                           coalesce(s.status, 'NOT_ASSESSED') as status, s.evaluation_id,
                           m.lead, m.due_by, m.due_precision, m.continues_id,
                           %s as continued_by
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
                       latest.short_name as evaluator_short_name,
                       page.lead, page.due_by, page.due_precision,
                       page.continues_id, page.continued_by
                from page
                left join evaluation e on e.id = page.evaluation_id
                left join evaluator ev on ev.id = e.evaluator_id
                %s
                order by page.number, latest.slug collate "C"
                """.formatted(
                                withContinuedBy ? CONTINUED_BY : "null",
                                StatusJoin.of(basis),
                                where,
                                basis.asOf() == null ? LATEST_BY_EVALUATOR : LATEST_BY_EVALUATOR_AS_OF))
                .setParameter("plan", planSlug)
                .setParameter("after", afterNumber)
                .setParameter("limit", limit + 1);
        if (filter.overdue() != null) {
            StatusJoin.bindDate(query, "overdueOn", basis.day(clock));
        }
        StatusJoin.bind(basis, query);
        if (filter.lead() != null) {
            query.setParameter("lead", escapeLike(filter.lead()));
        }
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

        List<Object[]> rows = new ArrayList<>();
        for (Object row : query.getResultList()) {
            rows.add((Object[]) row);
        }
        return rows;
    }

    /**
     * The measures of a page's rows (one row per measure and evaluator that assessed it), with the measures they take
     * up: looked up by a second statement, only when some measure of the page takes one up. Looked up in the page's
     * statement, even by subqueries that ran only for those measures, it cost every read of a plan that takes nothing
     * up (most of them) the subqueries' set-up at each execution (bench/RESULTS.md).
     */
    private List<MeasureView> views(List<Object[]> rows, LocalDate day) {
        Map<Long, MeasureRef> continued = continued(rows.stream()
                .map(c -> c[19])
                .filter(Objects::nonNull)
                .map(Rows::longValue)
                .distinct()
                .toList());
        List<MeasureView> page = new ArrayList<>();
        MeasureView measure = null;
        List<MeasureView.EvaluatorStatus> statuses = new ArrayList<>();
        for (Object[] c : rows) {
            if (measure == null || measure.number() != Rows.intValue(c[0])) {
                if (measure != null) {
                    page.add(measure.withEvaluatorStatuses(statuses));
                }
                measure = toView(c, day, c[19] == null ? null : continued.get(Rows.longValue(c[19])));
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

    /** The measures of these ids, by id, in one statement (none when there are no ids). */
    private Map<Long, MeasureRef> continued(List<Long> ids) {
        Map<Long, MeasureRef> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        List<?> rows = getEntityManager()
                .createNativeQuery("""
                        select c.id, p.slug, c.number, c.title from measure c join plan p on p.id = c.plan_id
                        where c.id = any(:ids)""")
                .setParameter("ids", ids.toArray(Long[]::new))
                .getResultList();
        for (Object row : rows) {
            Object[] c = (Object[]) row;
            found.put(Rows.longValue(c[0]), new MeasureRef((String) c[1], Rows.intValue(c[2]), (String) c[3]));
        }
        return found;
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
                .createNativeQuery(
                        """
                select a.id, e.id as evaluation_id, e.title, e.date, ev.slug, ev.name, ev.short_name, a.status, a.comment,
                       x.url, x.title as evidence_title, x.archived_url
                from assessment a
                join measure m on m.id = a.measure_id
                join evaluation e on e.id = a.evaluation_id
                join evaluator ev on ev.id = e.evaluator_id
                left join evidence x on x.assessment_id = a.id
                where m.plan_id = (select p.id from plan p where p.slug = :plan) and m.number = :number%s
                order by a.evaluation_date desc, a.evaluation_id desc, a.id, x.position
                """.formatted(asOf == null ? "" : " and a.evaluation_date <= " + StatusJoin.date("asOf")))
                .setParameter("plan", planSlug)
                .setParameter("number", number);
        if (asOf != null) {
            StatusJoin.bindDate(query, "asOf", asOf);
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

    /**
     * The whole chain the measure belongs to, oldest plan first: the measures it takes up, back to the first, and
     * those that take it up, and so on down, each with its status on the basis. One statement (two recursive walks)
     * whatever the chain's length; empty when there is no such measure.
     */
    public List<MeasureLineage.Link> lineage(String planSlug, int number, StatusBasis basis) {
        Query query = getEntityManager()
                .createNativeQuery("""
                with recursive
                target as (
                    select t.id from measure t
                    where t.plan_id = (select tp.id from plan tp where tp.slug = :plan) and t.number = :number),
                up (id, continues_id, depth) as (
                    select t.id, t.continues_id, 0 from measure t where t.id = (select id from target)
                    union all
                    select x.id, x.continues_id, up.depth + 1 from measure x join up on x.id = up.continues_id
                    where up.depth < 1000),
                down (id, depth) as (
                    select x.id, 1 from measure x where x.continues_id = (select id from target)
                    union all
                    select x.id, down.depth + 1 from measure x join down on x.continues_id = down.id
                    where down.depth < 1000),
                chain as (select id from up union select id from down)
                select p.slug, m.number, m.title, coalesce(s.status, 'NOT_ASSESSED') as status,
                       cp.slug as continues_plan, c.number as continues_number, c.title as continues_title
                from chain
                join measure m on m.id = chain.id
                join plan p on p.id = m.plan_id
                left join measure c on c.id = m.continues_id
                left join plan cp on cp.id = c.plan_id
                %s
                order by p.start_year, p.slug, m.number""".formatted(StatusJoin.of(basis)))
                .setParameter("plan", planSlug)
                .setParameter("number", number);
        StatusJoin.bind(basis, query);
        List<MeasureLineage.Link> links = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] c = (Object[]) row;
            Status status = Status.valueOf((String) c[3]);
            links.add(new MeasureLineage.Link(
                    (String) c[0],
                    Rows.intValue(c[1]),
                    (String) c[2],
                    status,
                    status.label,
                    c[4] == null ? null : new MeasureRef((String) c[4], Rows.intValue(c[5]), (String) c[6])));
        }
        return links;
    }

    /** The measures these addresses name, with their plans, in one statement; an address no measure has is absent. */
    public Map<MeasureAddress, Measure> byAddress(Collection<MeasureAddress> addresses) {
        Map<MeasureAddress, Measure> found = new HashMap<>();
        if (addresses.isEmpty()) {
            return found;
        }
        List<Measure> candidates = find(
                        "from Measure m join fetch m.plan p where p.slug in ?1 and m.number in ?2",
                        addresses.stream().map(MeasureAddress::plan).distinct().toList(),
                        addresses.stream()
                                .map(MeasureAddress::number)
                                .distinct()
                                .toList())
                .list();
        for (Measure m : candidates) {
            found.put(new MeasureAddress(m.plan.slug, m.number), m);
        }
        return found;
    }

    public Optional<Measure> findByNumber(long planId, int number) {
        return find(
                        "from Measure m join fetch m.axis join fetch m.plan where m.plan.id = ?1 and m.number = ?2",
                        planId,
                        number)
                .firstResultOptional();
    }

    private static MeasureView toView(Object[] c, LocalDate day, MeasureRef continues) {
        Status status = Status.valueOf((String) c[4]);
        MeasureView.StatusSource source = c[5] == null
                ? null
                : new MeasureView.StatusSource(
                        Rows.longValue(c[5]), Rows.date(c[6]), new EvaluatorRef((String) c[7], (String) c[8], (String)
                                c[9]));
        DueBy dueBy = DueBy.of(Rows.date(c[17]), (String) c[18]);
        return new MeasureView(
                Rows.intValue(c[0]),
                (String) c[1],
                new AxisRef(Rows.intValue(c[2]), (String) c[3]),
                status,
                status.label,
                source,
                List.of(),
                false,
                (String) c[16],
                dueBy == null ? null : dueBy.text(),
                DueBy.overdue(dueBy == null ? null : dueBy.lastDay(), status, day),
                continues);
    }

    private static String escapeLike(String word) {
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** The measures of later plans that take this one up (see {@link TakenUp}). */
    public List<String> takenUp(Measure measure) {
        return TakenUp.measures(getEntityManager(), "t.id = :target", measure.id);
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
