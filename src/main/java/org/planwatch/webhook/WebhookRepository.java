package org.planwatch.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.Session;
import org.planwatch.common.db.Rows;
import org.planwatch.common.problem.ApiException;

/** The subscriptions, their outbox, and the dispatcher's claim on them. */
@ApplicationScoped
public class WebhookRepository {

    @Inject
    EntityManager em;

    Webhook require(long id) {
        Webhook webhook = em.find(Webhook.class, id);
        if (webhook == null) {
            throw new ApiException.NotFound("There is no webhook subscription " + id + ".");
        }
        return webhook;
    }

    /** A page of subscriptions, of one owner (null: of everyone), by id. */
    List<Webhook> page(String owner, long afterId, int limit) {
        return em.createQuery(
                        "from Webhook w where w.id > :after and (:owner is null or w.owner = :owner) order by w.id",
                        Webhook.class)
                .setParameter("after", afterId)
                .setParameter("owner", owner)
                .setMaxResults(limit + 1)
                .getResultList();
    }

    /**
     * Writes messages to the outbox in one statement, in the caller's transaction: message i goes to subscription
     * {@code webhookIds[i]}, for event {@code events[i]}, with {@code bodies[i]}; each gets its own webhook-id, and is
     * due at once. Rows are numbered in the order given, which is the change feed's.
     */
    void enqueue(List<Long> webhookIds, List<String> events, List<String> bodies, OffsetDateTime now) {
        String[] messageIds =
                webhookIds.stream().map(id -> Signatures.newMessageId()).toArray(String[]::new);
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into webhook_message (webhook_id, message_id, event, body, created_at, state, next_attempt_at)"
                            + " select w, m, e, b, ?, 'PENDING', ? from unnest(?, ?, ?, ?) with ordinality as t(w, m, e, b, n)"
                            + " order by n")) {
                insert.setObject(1, now);
                insert.setObject(2, now);
                insert.setArray(3, connection.createArrayOf("bigint", webhookIds.toArray()));
                insert.setArray(4, connection.createArrayOf("text", messageIds));
                insert.setArray(5, connection.createArrayOf("text", events.toArray()));
                insert.setArray(6, connection.createArrayOf("text", bodies.toArray()));
                insert.executeUpdate();
            }
        });
    }

    /** The subscriptions that messages are written for. */
    List<Webhook> enabled() {
        return em.createQuery("from Webhook w where w.enabled = true order by w.id", Webhook.class)
                .getResultList();
    }

    /** Each measure's axis number, by measure number, in a plan. */
    Map<Integer, Integer> axesOfMeasures(String plan) {
        Map<Integer, Integer> axes = new HashMap<>();
        for (Object row : em.createNativeQuery("""
                        select m.number, a.number from measure m
                        join axis a on a.id = m.axis_id join plan p on p.id = m.plan_id
                        where p.slug = :plan""").setParameter("plan", plan).getResultList()) {
            Object[] columns = (Object[]) row;
            axes.put(Rows.intValue(columns[0]), Rows.intValue(columns[1]));
        }
        return axes;
    }

    boolean planExists(String slug) {
        return exists("select count(*) from plan where slug = :a", slug, null);
    }

    boolean evaluatorExists(String slug) {
        return exists("select count(*) from evaluator where slug = :a", slug, null);
    }

    boolean axisExists(String plan, int number) {
        return exists(
                "select count(*) from axis x join plan p on p.id = x.plan_id where p.slug = :a and x.number = :b",
                plan,
                number);
    }

    boolean measureExists(String plan, int number) {
        return exists(
                "select count(*) from measure m join plan p on p.id = m.plan_id where p.slug = :a and m.number = :b",
                plan,
                number);
    }

    private boolean exists(String sql, String a, Integer b) {
        var query = em.createNativeQuery(sql).setParameter("a", a);
        if (b != null) {
            query.setParameter("b", b);
        }
        return ((Number) query.getSingleResult()).longValue() > 0;
    }

    /** A page of a subscription's messages, newest first. */
    List<WebhookMessage> messages(long webhookId, long beforeId, int limit) {
        return em.createQuery(
                        "from WebhookMessage m where m.webhookId = :webhook and m.id < :before order by m.id desc",
                        WebhookMessage.class)
                .setParameter("webhook", webhookId)
                .setParameter("before", beforeId)
                .setMaxResults(limit + 1)
                .getResultList();
    }

    WebhookMessage requireMessage(long webhookId, String messageId) {
        return em.createQuery(
                        "from WebhookMessage m where m.webhookId = :webhook and m.messageId = :message",
                        WebhookMessage.class)
                .setParameter("webhook", webhookId)
                .setParameter("message", messageId)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new ApiException.NotFound(
                        "Webhook subscription " + webhookId + " has no message '" + messageId + "'."));
    }

    /** Makes the pending messages of a subscription due now (after it is enabled again). */
    void resume(long webhookId, OffsetDateTime now) {
        em.createQuery("update WebhookMessage m set m.nextAttemptAt = :now"
                        + " where m.webhookId = :webhook and m.state = :pending")
                .setParameter("now", now)
                .setParameter("webhook", webhookId)
                .setParameter("pending", WebhookMessage.State.PENDING)
                .executeUpdate();
    }

    /**
     * Leases one enabled subscription whose oldest pending message is due, and that no one holds a lease on, to
     * {@code token} for {@code seconds} of the database's real time. The row is locked while the lease is taken
     * ({@code FOR NO KEY UPDATE}, which the writes adding messages to it do not wait for; {@code SKIP LOCKED}, so that
     * other instances and workers take another one). Whoever holds the lease is the only one sending to the subscription:
     * its messages go out one at a time, in order. A subscription whose owner's key was revoked is not sent to.
     */
    Optional<Long> lease(OffsetDateTime now, String token, long seconds) {
        List<?> ids = em.createNativeQuery("""
                        select w.id from webhook w
                        join lateral (
                            select m.next_attempt_at from webhook_message m
                            where m.webhook_id = w.id and m.state = 'PENDING'
                            order by m.id limit 1) head on true
                        where w.enabled and head.next_attempt_at <= :now
                          and (w.lease_until is null or w.lease_until < clock_timestamp())
                          and (w.owner_key_id is null or exists (
                              select 1 from api_key k where k.id = w.owner_key_id and k.revoked_at is null))
                        order by head.next_attempt_at
                        limit 1
                        for no key update of w skip locked""").setParameter("now", now).getResultList();
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        long id = ((Number) ids.get(0)).longValue();
        em.createNativeQuery("update webhook set lease_token = :token,"
                        + " lease_until = clock_timestamp() + make_interval(secs => :seconds) where id = :id")
                .setParameter("token", token)
                .setParameter("seconds", seconds)
                .setParameter("id", id)
                .executeUpdate();
        return Optional.of(id);
    }

    /** The oldest pending message of a subscription, read anew (the claim's snapshot may predate another's commit). */
    Optional<WebhookMessage> head(long webhookId) {
        return em.createQuery(
                        "from WebhookMessage m where m.webhookId = :webhook and m.state = :pending order by m.id",
                        WebhookMessage.class)
                .setParameter("webhook", webhookId)
                .setParameter("pending", WebhookMessage.State.PENDING)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }
}
