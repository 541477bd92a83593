package org.planwatch.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.planwatch.cache.DataVersion;
import org.planwatch.common.db.AfterCommit;
import org.planwatch.domain.ApiPaths;

/**
 * What every write goes through: it is serialised with the others, recorded in the audit trail
 * and the change feed, and the measures whose current status it changed are listed in the feed.
 *
 * <p>Writes take one PostgreSQL advisory lock for their transaction. Writes are rare (evaluators
 * record a few evaluations a year), and serialising them makes the change feed's ids follow commit
 * order, so a client syncing with a cursor never misses an entry committed late, and lets an
 * If-Match check and the update it guards happen as one step.
 */
@ApplicationScoped
public class History {

    private static final long WRITE_LOCK = 0x706c616e77617463L; // "planwatc"

    @Inject
    EntityManager em;

    @Inject
    MeasureStatuses measures;

    @Inject
    Author author;

    @Inject
    ObjectMapper json;

    @Inject
    DataVersion version;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    Instance<ChangeObserver> observers;

    @Inject
    AfterCommit afterCommit;

    /** A write in progress: the plan it belongs to (its slug, if any), and the statuses of the plans it may change before it. */
    record Write(String plan, Map<String, Map<Integer, MeasureStatuses.Current>> statusesBefore) {}

    /** Starts a write (inside the caller's transaction) on data of the given plan, or of no plan. */
    Write begin(String plan) {
        return plan == null ? begin(null, List.of()) : begin(plan, List.of(plan));
    }

    /** Starts a write belonging to no plan that may change the statuses of several (deleting an evaluator, say). */
    Write begin(String plan, List<String> watched) {
        lock();
        Map<String, Map<Integer, MeasureStatuses.Current>> before = new LinkedHashMap<>();
        watched.forEach(p -> before.put(p, statuses(p)));
        return new Write(plan, before);
    }

    /**
     * Waits for the other writes to end; held until this transaction ends (re-entrant). Write methods
     * take it before they read anything, so that what they check (an ETag, a duplicate) is what they change.
     */
    void lock() {
        if (transactions.getResource(WRITE_LOCK) == null) { // once per transaction: the lock is held until it ends
            em.createNativeQuery("select pg_advisory_xact_lock(" + WRITE_LOCK + ")")
                    .getSingleResult();
            transactions.putResource(WRITE_LOCK, Boolean.TRUE);
        }
    }

    /** Records a create, update or delete, and the status changes it caused. */
    void record(Write write, Change.Kind action, String resource, String path, Object before, Object after) {
        em.flush();
        Change edit = new Change();
        edit.kind = action;
        edit.resource = resource;
        edit.path = path;
        edit.planSlug = write.plan();
        em.persist(edit);
        audit(action, path, before, after);
        List<Change> entries = new ArrayList<>();
        entries.add(edit);
        write.statusesBefore().forEach((plan, statuses) -> entries.addAll(recordStatusChanges(plan, statuses)));
        announce();
        tellObservers(entries, before, after);
    }

    /** The observers (the webhooks' outbox) hear of the entries inside this transaction, with their time as the feed shows it. */
    private void tellObservers(List<Change> entries, Object before, Object after) {
        if (observers.isUnsatisfied()) {
            return;
        }
        // Every entry of one transaction has its time (the column's default, now()): read once.
        OffsetDateTime at = (OffsetDateTime)
                em.createNativeQuery("select occurred_at from change where id = :id", OffsetDateTime.class)
                        .setParameter("id", entries.get(0).id)
                        .getSingleResult();
        entries.forEach(entry -> entry.occurredAt = at);
        List<ChangeView> views = entries.stream().map(ChangeView::from).toList();
        observers.forEach(observer -> observer.recorded(views, before, after));
    }

    /**
     * Tells every instance that the data changed: NOTIFY is delivered when the transaction commits,
     * and this instance moves its own version on as soon as it commits, before it answers the write.
     */
    private void announce() {
        em.flush();
        long latest =
                ((Number) em.createNativeQuery("select max(id) from change").getSingleResult()).longValue();
        em.createNativeQuery("select pg_notify('" + DataVersion.CHANNEL + "', cast(:id as text))")
                .setParameter("id", latest)
                .getSingleResult();
        afterCommit.run(() -> version.advanceTo(latest, Instant.now()));
    }

    /** Records a write in the audit trail only: for API keys, which are not part of the public data. */
    void audit(Change.Kind action, String path, Object before, Object after) {
        AuditEntry audit = new AuditEntry();
        audit.apiKeyId = author.keyId();
        audit.actor = author.name();
        audit.role = author.role();
        audit.method = author.method();
        audit.path = author.path();
        audit.action = action.name();
        audit.resource = path;
        audit.before = toJson(before);
        audit.after = toJson(after);
        em.persist(audit);
    }

    private List<Change> recordStatusChanges(String plan, Map<Integer, MeasureStatuses.Current> statusesBefore) {
        Map<Integer, MeasureStatuses.Current> after = statuses(plan);
        List<Change> recorded = new ArrayList<>();
        new TreeMap<>(statusesBefore).forEach((number, before) -> { // in measure order
            MeasureStatuses.Current now = after.get(number);
            if (now == null || now.status() == before.status()) {
                return;
            }
            Change change = new Change();
            change.kind = Change.Kind.STATUS_CHANGED;
            change.resource = "measure";
            change.path = ApiPaths.measure(plan, number);
            change.planSlug = plan;
            change.measureNumber = number;
            change.previousStatus = before.status();
            change.newStatus = now.status();
            change.evaluationId = now.evaluationId();
            change.evaluationDate = now.evaluationDate();
            change.evaluatorSlug = now.evaluatorSlug();
            em.persist(change);
            recorded.add(change);
        });
        return recorded;
    }

    private Map<Integer, MeasureStatuses.Current> statuses(String plan) {
        em.flush();
        return measures.of(plan);
    }

    private String toJson(Object value) {
        try {
            return value == null ? null : json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
