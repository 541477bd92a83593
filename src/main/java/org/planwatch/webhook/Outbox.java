package org.planwatch.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.planwatch.domain.ApiPaths;
import org.planwatch.evaluation.AssessmentView;
import org.planwatch.evaluation.EvaluationDetail;
import org.planwatch.history.ChangeObserver;
import org.planwatch.history.ChangeView;

/**
 * The transactional outbox: for every change-feed entry that is an event, a message to each enabled subscription that
 * asks for it, written in the transaction of the change (a write that rolls back leaves none; one that commits is never
 * without them). The dispatcher is woken when the transaction commits; it sends them off the request's thread.
 */
@ApplicationScoped
public class Outbox implements ChangeObserver {

    @Inject
    WebhookRepository webhooks;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Inject
    Dispatcher dispatcher;

    /** What an event is about, for the subscriptions' filters. */
    private record Facts(String plan, String evaluator, Set<Integer> measures, Set<Integer> axes) {}

    @Override
    public void recorded(List<ChangeView> entries, Object before, Object after) {
        if (entries.stream().allMatch(entry -> Event.of(entry) == null)) {
            return;
        }
        List<Webhook> subscriptions = webhooks.enabled();
        if (subscriptions.isEmpty()) {
            return;
        }
        Map<String, Map<Integer, Integer>> axes = new LinkedHashMap<>();
        List<Long> webhookIds = new ArrayList<>();
        List<String> events = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        for (ChangeView entry : entries) {
            Event event = Event.of(entry);
            if (event == null) {
                continue;
            }
            Facts facts = facts(entry, before, after, axes);
            String body = null; // the same for every subscription: written once
            for (Webhook webhook : subscriptions) {
                if (webhook.eventList().contains(event.type) && matches(webhook, facts)) {
                    body = body != null ? body : body(event, entry.at(), data(entry));
                    webhookIds.add(webhook.id);
                    events.add(event.type);
                    bodies.add(body);
                }
            }
        }
        if (!webhookIds.isEmpty()) {
            webhooks.enqueue(webhookIds, events, bodies, now());
            dispatcher.wakeAfterCommit();
        }
    }

    /** A ping to one subscription, whatever its events and filters (POST /webhooks/{id}/test). */
    WebhookMessage ping(Webhook webhook) {
        ObjectNode data = json.createObjectNode();
        data.put("webhook", webhook.id);
        data.putObject("links").put("webhook", ApiPaths.webhook(webhook.id));
        return enqueue(webhook, Event.PING, now(), data);
    }

    private String body(Event event, OffsetDateTime timestamp, Object data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", event.type);
        body.put("timestamp", timestamp);
        body.put("data", data);
        return write(body);
    }

    private WebhookMessage enqueue(Webhook webhook, Event event, OffsetDateTime timestamp, Object data) {
        WebhookMessage message = new WebhookMessage();
        message.webhookId = webhook.id;
        message.messageId = Signatures.newMessageId();
        message.event = event.type;
        message.body = body(event, timestamp, data);
        message.createdAt = now();
        message.state = WebhookMessage.State.PENDING;
        message.nextAttemptAt = message.createdAt;
        em.persist(message);
        dispatcher.wakeAfterCommit();
        return message;
    }

    /** The change-feed entry as GET /changes shows it, with links to what it is about. */
    private ObjectNode data(ChangeView entry) {
        ObjectNode data = json.valueToTree(entry);
        ObjectNode links = data.putObject("links");
        links.put("resource", entry.path());
        links.put("plan", entry.plan() == null ? null : ApiPaths.plan(entry.plan()));
        links.put(
                "evaluation",
                entry.evaluation() != null
                        ? ApiPaths.evaluation(entry.evaluation().id())
                        : entry.resource().equals("evaluation") ? entry.path() : null);
        links.put("changes", ApiPaths.CHANGES);
        return data;
    }

    private Facts facts(ChangeView entry, Object before, Object after, Map<String, Map<Integer, Integer>> axes) {
        Set<Integer> measures = new HashSet<>();
        Set<Integer> axisNumbers = new HashSet<>();
        String evaluator = null;
        if (entry.measure() != null) { // a status change
            measures.add(entry.measure());
            Integer axis =
                    axes.computeIfAbsent(entry.plan(), webhooks::axesOfMeasures).get(entry.measure());
            if (axis != null) {
                axisNumbers.add(axis);
            }
            evaluator = entry.evaluation() == null ? null : entry.evaluation().evaluator();
        } else {
            for (Object representation : new Object[] {before, after}) {
                if (representation instanceof EvaluationDetail evaluation) {
                    evaluator = evaluation.evaluator().slug();
                    evaluation.assessments().forEach(item -> {
                        measures.add(item.measure());
                        axisNumbers.add(item.axis().number());
                    });
                } else if (representation instanceof AssessmentView assessment) {
                    evaluator = assessment.evaluation().evaluator().slug();
                    measures.add(assessment.measure());
                    axisNumbers.add(assessment.axis().number());
                }
            }
        }
        return new Facts(entry.plan(), evaluator, measures, axisNumbers);
    }

    private static boolean matches(Webhook webhook, Facts facts) {
        return (webhook.planSlug == null || webhook.planSlug.equals(facts.plan()))
                && (webhook.evaluatorSlug == null || Objects.equals(webhook.evaluatorSlug, facts.evaluator()))
                && (webhook.axisNumber == null || facts.axes().contains(webhook.axisNumber))
                && (webhook.measureNumber == null || facts.measures().contains(webhook.measureNumber));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
