package org.planwatch.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.planwatch.common.config.PlanwatchConfig;
import org.planwatch.common.http.ETags;
import org.planwatch.common.paging.Page;
import org.planwatch.common.problem.ApiException;
import org.planwatch.common.problem.Problem;
import org.planwatch.domain.ApiPaths;
import org.planwatch.history.Change;
import org.planwatch.history.Writes;
import org.planwatch.security.Caller;

/**
 * Subscriptions: an administrator manages all of them, a SUBSCRIBER key only its own (403 on the others). They are not
 * public data: their writes are serialised with the others and kept in the audit trail (without secrets), not in the
 * change feed.
 */
@ApplicationScoped
public class WebhookService {

    @Inject
    WebhookRepository webhooks;

    @Inject
    Outbox outbox;

    @Inject
    Dispatcher dispatcher;

    @Inject
    Targets targets;

    @Inject
    Writes writes;

    @Inject
    ETags etags;

    @Inject
    Caller caller;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    PlanwatchConfig config;

    public Page<WebhookView> list(long afterId, int limit) {
        return Page.of(
                webhooks.page(caller.isAdmin() ? null : caller.stableId(), afterId, limit).stream()
                        .map(WebhookView::from)
                        .toList(),
                limit,
                w -> Long.toString(w.id()));
    }

    public WebhookView get(long id) {
        return WebhookView.from(readable(id));
    }

    @Transactional
    public WebhookSecret create(WebhookInput input) {
        writes.lock();
        check(input);
        OffsetDateTime now = now();
        Webhook webhook = new Webhook();
        webhook.owner = caller.stableId();
        webhook.ownerKeyId = caller.keyId();
        webhook.secret = Signatures.newSecret();
        webhook.createdAt = now;
        webhook.afterEventId = webhooks.lastEventId(); // writes are serialised: no event is being written meanwhile
        apply(webhook, input, now);
        em.persist(webhook);
        em.flush();
        WebhookView view = WebhookView.from(webhook);
        writes.audit(Change.Kind.CREATED, ApiPaths.webhook(webhook.id), null, view);
        return new WebhookSecret(webhook.secret, view);
    }

    @Transactional
    public WebhookView update(long id, String ifMatch, WebhookInput input) {
        writes.lock();
        Webhook webhook = readable(id);
        WebhookView before = WebhookView.from(webhook);
        etags.requireMatch(ifMatch, before);
        check(input);
        boolean wasEnabled = webhook.enabled;
        OffsetDateTime now = now();
        apply(webhook, input, now);
        if (webhook.enabled && !wasEnabled) {
            webhook.disabledReason = null;
            webhook.failingSince = null;
            webhooks.resume(webhook.id, now);
            dispatcher.wakeAfterCommit();
        }
        WebhookView after = WebhookView.from(webhook);
        writes.audit(Change.Kind.UPDATED, ApiPaths.webhook(id), before, after);
        return after;
    }

    /** Deletes a subscription with its messages (those not yet delivered are never sent) and the events only they carried. */
    @Transactional
    public void delete(long id, String ifMatch) {
        writes.lock();
        Webhook webhook = readable(id);
        WebhookView before = WebhookView.from(webhook);
        etags.requireMatch(ifMatch, before);
        webhooks.delete(webhook);
        writes.audit(Change.Kind.DELETED, ApiPaths.webhook(id), before, null);
    }

    /** A new secret; the previous one signs the messages too for a while (24 h by default), then only the new one. */
    @Transactional
    public WebhookSecret rotateSecret(long id) {
        writes.lock();
        Webhook webhook = readable(id);
        WebhookView before = WebhookView.from(webhook);
        OffsetDateTime now = now();
        webhook.previousSecret = webhook.secret;
        webhook.previousSecretExpiresAt = now.plus(config.webhooks().previousSecretValidity());
        webhook.secret = Signatures.newSecret();
        webhook.updatedAt = now;
        WebhookView after = WebhookView.from(webhook);
        writes.audit(Change.Kind.UPDATED, ApiPaths.webhook(id), before, after);
        return new WebhookSecret(webhook.secret, after);
    }

    /** Queues a ping to the subscription (after the messages already waiting for it). */
    @Transactional
    public DeliveryView ping(long id) {
        writes.lock();
        Webhook webhook = readable(id);
        if (!webhook.enabled) {
            throw new ApiException.Conflict("Webhook subscription " + id
                    + " is disabled: nothing is sent to it. Enable it with a PUT (enabled: true) first.");
        }
        WebhookMessage ping = outbox.ping(webhook);
        DeliveryView view = DeliveryView.from(ping, true);
        writes.audit(Change.Kind.CREATED, ApiPaths.webhookDelivery(id, ping.messageId), null, view);
        return view;
    }

    public Page<DeliveryView> deliveries(long id, long beforeId, int limit) {
        Webhook webhook = readable(id);
        boolean owner = owns(webhook);
        Page<WebhookMessage> page = Page.of(webhooks.messages(id, beforeId, limit), limit, m -> Long.toString(m.id));
        return new Page<>(
                page.items().stream().map(m -> DeliveryView.from(m, owner)).toList(), page.nextCursor());
    }

    /** Sends a message again as soon as possible, whatever its state, after the messages older than it still pending. */
    @Transactional
    public DeliveryView retry(long id, String messageId) {
        writes.lock();
        Webhook webhook = readable(id);
        WebhookMessage message = webhooks.requireMessage(id, messageId);
        DeliveryView before = DeliveryView.from(message, false);
        message.state = WebhookMessage.State.PENDING;
        message.nextAttemptAt = now();
        message.finishedAt = null;
        writes.audit(
                Change.Kind.UPDATED,
                ApiPaths.webhookDelivery(id, messageId),
                before,
                DeliveryView.from(message, false));
        dispatcher.wakeAfterCommit();
        return DeliveryView.from(message, owns(webhook));
    }

    /** The subscription, if the caller may see it: an administrator any, a subscriber its own. */
    private Webhook readable(long id) {
        Webhook webhook = webhooks.require(id);
        if (!caller.isAdmin() && !owns(webhook)) {
            throw new ApiException.Forbidden("Webhook subscription " + id
                    + " belongs to another API key: a SUBSCRIBER key manages only its own.");
        }
        return webhook;
    }

    private boolean owns(Webhook webhook) {
        return webhook.owner.equals(caller.stableId());
    }

    private void check(WebhookInput input) {
        List<Problem.FieldError> errors = new ArrayList<>();
        targets.problems(input.url().strip()).forEach(problem -> errors.add(new Problem.FieldError("url", problem)));
        for (int i = 0; i < input.events().size(); i++) {
            if (!Event.SUBSCRIBABLE.contains(input.events().get(i))) {
                errors.add(new Problem.FieldError(
                        "events[" + i + "]", "must be one of " + String.join(", ", Event.SUBSCRIBABLE)));
            }
        }
        if (input.plan() != null && !webhooks.planExists(input.plan())) {
            errors.add(new Problem.FieldError("plan", "'" + input.plan() + "' is not the slug of a plan"));
        }
        if (input.evaluator() != null && !webhooks.evaluatorExists(input.evaluator())) {
            errors.add(
                    new Problem.FieldError("evaluator", "'" + input.evaluator() + "' is not the slug of an evaluator"));
        }
        checkInPlan(input, "axis", input.axis(), errors);
        checkInPlan(input, "measure", input.measure(), errors);
        if (!errors.isEmpty()) {
            throw new ApiException.Unprocessable("The subscription cannot be recorded as it is.", errors);
        }
    }

    private void checkInPlan(WebhookInput input, String field, Integer number, List<Problem.FieldError> errors) {
        if (number == null) {
            return;
        }
        if (input.plan() == null) {
            errors.add(new Problem.FieldError(field, "needs plan: " + field + " numbers are per plan"));
        } else if (webhooks.planExists(input.plan())
                && !(field.equals("axis")
                        ? webhooks.axisExists(input.plan(), number)
                        : webhooks.measureExists(input.plan(), number))) {
            errors.add(new Problem.FieldError(field, "plan " + input.plan() + " has no " + field + " " + number));
        }
    }

    private void apply(Webhook webhook, WebhookInput input, OffsetDateTime now) {
        webhook.url = input.url().strip();
        webhook.events = String.join(",", new LinkedHashSet<>(input.events()));
        webhook.planSlug = input.plan();
        webhook.axisNumber = input.axis();
        webhook.measureNumber = input.measure();
        webhook.evaluatorSlug = input.evaluator();
        webhook.description = input.description() == null || input.description().isBlank()
                ? null
                : input.description().strip();
        webhook.enabled = input.enabled() == null || input.enabled();
        if (!webhook.enabled) {
            webhook.disabledReason = null;
        }
        webhook.updatedAt = now;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
