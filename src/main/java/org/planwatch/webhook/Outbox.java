package org.planwatch.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.planwatch.domain.ApiPaths;
import org.planwatch.evaluation.AssessmentView;
import org.planwatch.evaluation.EvaluationDetail;
import org.planwatch.history.ChangeObserver;
import org.planwatch.history.ChangeView;

/**
 * The transactional outbox: every change-feed entry that is an event is written as one event row, in the transaction
 * of the change (a write that rolls back leaves none; one that commits is never without them), whatever the number of
 * subscriptions. After the commit, the dispatcher fans each event out to the subscriptions that ask for it (a message
 * each) and sends them, off the request's thread.
 */
@ApplicationScoped
public class Outbox implements ChangeObserver {

    @Inject
    WebhookRepository webhooks;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Inject
    Dispatcher dispatcher;

    @Override
    public void recorded(List<ChangeView> entries, Object before, Object after) {
        List<Outgoing> events = new ArrayList<>();
        for (ChangeView entry : entries) {
            Event event = Event.of(entry);
            if (event != null) {
                events.add(outgoing(event, entry, before, after));
            }
        }
        if (!events.isEmpty()) {
            webhooks.write(events, now());
            dispatcher.wakeAfterCommit();
        }
    }

    /** An event to write: its type, body, and what the subscriptions' filters look at. */
    record Outgoing(String type, String body, String plan, String evaluator, Set<Integer> measures) {}

    /** A ping to one subscription, whatever its events and filters (POST /webhooks/{id}/test). */
    WebhookMessage ping(Webhook webhook) {
        ObjectNode data = json.createObjectNode();
        data.put("webhook", webhook.id);
        data.putObject("links").put("webhook", ApiPaths.webhook(webhook.id));
        OffsetDateTime now = now();
        WebhookMessage message = webhooks.ping(webhook.id, body(Event.PING, now, data), now);
        dispatcher.wakeAfterCommit();
        return message;
    }

    private String body(Event event, OffsetDateTime timestamp, Object data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", event.type);
        body.put("timestamp", timestamp);
        body.put("data", data);
        return write(body);
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

    private Outgoing outgoing(Event event, ChangeView entry, Object before, Object after) {
        Set<Integer> measures = new TreeSet<>();
        String evaluator = null;
        if (entry.measure() != null) { // a status change
            measures.add(entry.measure());
            evaluator = entry.evaluation() == null ? null : entry.evaluation().evaluator();
        } else {
            for (Object representation : new Object[] {before, after}) {
                if (representation instanceof EvaluationDetail evaluation) {
                    evaluator = evaluation.evaluator().slug();
                    evaluation.assessments().forEach(item -> measures.add(item.measure()));
                } else if (representation instanceof AssessmentView assessment) {
                    evaluator = assessment.evaluation().evaluator().slug();
                    measures.add(assessment.measure());
                }
            }
        }
        return new Outgoing(event.type, body(event, entry.at(), data(entry)), entry.plan(), evaluator, measures);
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
