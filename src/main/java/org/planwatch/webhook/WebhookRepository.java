package org.planwatch.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.Session;
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
     * Writes a write's events to the outbox in one statement, in its transaction, numbered in the order given (the
     * change feed's): the messages are written when the dispatcher fans them out.
     */
    void write(List<Outbox.Outgoing> events, OffsetDateTime now) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into webhook_event (type, body, created_at, plan_slug, evaluator_slug, measures)"
                            + " select t, b, ?, p, e, cast(m as integer[])"
                            + " from unnest(?, ?, ?, ?, ?) with ordinality as u(t, b, p, e, m, n) order by n")) {
                insert.setObject(1, now);
                insert.setArray(2, texts(connection, events, Outbox.Outgoing::type));
                insert.setArray(3, texts(connection, events, Outbox.Outgoing::body));
                insert.setArray(4, texts(connection, events, Outbox.Outgoing::plan));
                insert.setArray(5, texts(connection, events, Outbox.Outgoing::evaluator));
                insert.setArray(
                        6,
                        texts(
                                connection,
                                events,
                                e -> e.measures().stream()
                                        .map(String::valueOf)
                                        .collect(Collectors.joining(",", "{", "}"))));
                insert.executeUpdate();
            }
        });
    }

    private static Array texts(
            Connection connection, List<Outbox.Outgoing> events, Function<Outbox.Outgoing, String> column)
            throws SQLException {
        return connection.createArrayOf("text", events.stream().map(column).toArray());
    }

    /** A ping: an event of its own, sent to one subscription only (never fanned out). */
    WebhookMessage ping(long webhookId, String body, OffsetDateTime now) {
        long eventId = ((Number) em.createNativeQuery(
                                "insert into webhook_event (type, body, created_at) values ('ping', :body, :now) returning id")
                        .setParameter("body", body)
                        .setParameter("now", now)
                        .getSingleResult())
                .longValue();
        WebhookMessage message = new WebhookMessage();
        message.webhookId = webhookId;
        message.eventId = eventId;
        message.messageId = Signatures.newMessageId();
        message.event = "ping";
        message.createdAt = now;
        message.state = WebhookMessage.State.PENDING;
        message.nextAttemptAt = now;
        em.persist(message);
        return message;
    }

    /**
     * Deletes a subscription, its messages with it (the foreign key cascades), and the events that only its messages
     * carried: its pings, and the events no other subscription was sent.
     */
    void delete(Webhook webhook) {
        List<?> events = em.createNativeQuery("select distinct event_id from webhook_message where webhook_id = :id")
                .setParameter("id", webhook.id)
                .getResultList();
        em.remove(webhook);
        em.flush();
        if (!events.isEmpty()) {
            em.createNativeQuery("""
                            delete from webhook_event e where e.id = any(:events)
                              and not exists (select 1 from webhook_message m where m.event_id = e.id)""")
                    .setParameter(
                            "events",
                            events.stream().map(e -> ((Number) e).longValue()).toArray(Long[]::new))
                    .executeUpdate();
        }
    }

    /** The id of the last event written (0 when there is none). */
    long lastEventId() {
        return ((Number) em.createNativeQuery("select coalesce(max(id), 0) from webhook_event")
                        .getSingleResult())
                .longValue();
    }

    /** The body of an event: the exact bytes a message of it is sent. */
    String body(long eventId) {
        return (String) em.createNativeQuery("select body from webhook_event where id = :id")
                .setParameter("id", eventId)
                .getSingleResult();
    }

    /**
     * Fans out the next events (at most {@code batch}, oldest first) to the enabled subscriptions that ask for them: one
     * pending message each, due at once, numbered in the events' order, then each subscription's. Events that no one
     * asked for are deleted. Whoever holds the fan-out row does this ({@code SKIP LOCKED}: another instance or worker
     * doing it meanwhile makes this one return at once). Events are numbered in commit order (writes are serialised),
     * so none can appear behind the position once it has moved past it. Returns how many events it took, 0 if none.
     */
    int fanOut(int batch, OffsetDateTime now) {
        List<?> position = em.createNativeQuery("select last_event_id from webhook_fanout for update skip locked")
                .getResultList();
        if (position.isEmpty()) {
            return 0;
        }
        long after = ((Number) position.get(0)).longValue();
        List<?> ids = em.createNativeQuery(
                        "select id from webhook_event where id > :after and type <> 'ping' order by id limit :batch")
                .setParameter("after", after)
                .setParameter("batch", batch)
                .getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        long upTo = ((Number) ids.get(ids.size() - 1)).longValue();
        List<?> pairs = em.createNativeQuery("""
                        select w.id, e.id from webhook_event e
                        join webhook w on w.enabled and e.id > w.after_event_id
                          and e.type = any(string_to_array(w.events, ','))
                          and (w.plan_slug is null or w.plan_slug = e.plan_slug)
                          and (w.evaluator_slug is null or w.evaluator_slug = e.evaluator_slug)
                          and (w.measure_number is null or w.measure_number = any(e.measures))
                          and (w.axis_number is null or exists (
                              select 1 from measure m join axis a on a.id = m.axis_id join plan p on p.id = m.plan_id
                              where p.slug = e.plan_slug and m.number = any(e.measures) and a.number = w.axis_number))
                        where e.id > :after and e.id <= :upTo and e.type <> 'ping'
                        order by e.id, w.id""")
                .setParameter("after", after)
                .setParameter("upTo", upTo)
                .getResultList();
        if (!pairs.isEmpty()) {
            em.unwrap(Session.class).doWork(connection -> {
                try (PreparedStatement insert = connection.prepareStatement(
                        "insert into webhook_message (webhook_id, event_id, message_id, event, created_at, state,"
                                + " next_attempt_at) select u.w, u.e, u.m, v.type, v.created_at, 'PENDING', ?"
                                + " from unnest(?, ?, ?) with ordinality as u(w, e, m, n)"
                                + " join webhook_event v on v.id = u.e order by u.n")) {
                    insert.setObject(1, now);
                    insert.setArray(2, connection.createArrayOf("bigint", column(pairs, 0)));
                    insert.setArray(3, connection.createArrayOf("bigint", column(pairs, 1)));
                    insert.setArray(
                            4,
                            connection.createArrayOf(
                                    "text",
                                    pairs.stream()
                                            .map(p -> Signatures.newMessageId())
                                            .toArray()));
                    insert.executeUpdate();
                }
            });
        }
        em.createNativeQuery("""
                        delete from webhook_event e where e.id > :after and e.id <= :upTo and e.type <> 'ping'
                          and not exists (select 1 from webhook_message m where m.event_id = e.id)""")
                .setParameter("after", after)
                .setParameter("upTo", upTo)
                .executeUpdate();
        em.createNativeQuery("update webhook_fanout set last_event_id = :upTo")
                .setParameter("upTo", upTo)
                .executeUpdate();
        return ids.size();
    }

    private static Object[] column(List<?> rows, int index) {
        return rows.stream().map(row -> ((Object[]) row)[index]).toArray();
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
