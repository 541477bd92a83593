package org.planwatch.webhook;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.planwatch.common.config.PlanwatchConfig;
import org.planwatch.common.db.AfterCommit;

/**
 * Sends the outbox's events, off the requests' threads: a worker fans the events written since the last time out to
 * the subscriptions that ask for them (a message each), and a few workers each lease one subscription whose oldest
 * pending message is due (see {@link WebhookRepository#lease}), send that message outside any transaction, and record
 * what came of it. They look again right after a local write commits messages, and every poll interval
 * (for the messages of other instances' writes, and the retries that came due). "Now" is the injected clock's.
 *
 * <p>A crash loses nothing: an attempt that was under way when the process died was never recorded, and is made again
 * once its lease runs out, so a receiver may get a message twice, never not at all.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    @Inject
    PlanwatchConfig config;

    @Inject
    WebhookRepository webhooks;

    @Inject
    Sender sender;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    private static final Object WAKE_AFTER_COMMIT = new Object();

    /** How many events one fan-out transaction takes at the most. */
    private static final int FAN_OUT_BATCH = 200;

    @Inject
    AfterCommit afterCommit;

    private final Object signal = new Object();
    private long wakeUps;
    private volatile boolean running;
    private ExecutorService workers;

    void start(@Observes StartupEvent started) {
        if (!config.webhooks().dispatch()) {
            LOG.info("Webhook dispatch is off on this instance (planwatch.webhooks.dispatch=false)");
            return;
        }
        running = true;
        int count = Math.max(1, config.webhooks().workers());
        workers = Executors.newFixedThreadPool(count, runnable -> {
            Thread thread = new Thread(runnable, "planwatch-webhooks");
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 0; i < count; i++) {
            workers.submit(this::work);
        }
    }

    void stop(@Observes ShutdownEvent stopping) throws InterruptedException {
        running = false;
        wake();
        if (workers != null) {
            workers.shutdown();
            // An attempt under way ends within the timeouts; one cut off is rolled back and made again after the
            // restart.
            if (!workers.awaitTermination(2 * config.webhooks().timeout().toSeconds() + 1, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        }
    }

    /** Look for due messages now (after a commit that wrote some, or when a test moved the clock). */
    public void wake() {
        synchronized (signal) {
            wakeUps++;
            signal.notifyAll();
        }
    }

    /** Wakes the workers when the current transaction commits (once however often it is called). */
    void wakeAfterCommit() {
        afterCommit.once(WAKE_AFTER_COMMIT, this::wake);
    }

    private void work() {
        long pollNanos = config.webhooks().pollInterval().toNanos();
        while (running) {
            long seen = wakeUps();
            try {
                fanOutAll();
                long fannedAt = wakeUps();
                long fannedNanos = System.nanoTime();
                while (running && dispatchOne()) {
                    // One message after another, while some are due. Events written meanwhile are fanned out between
                    // them (after a local commit woke the workers, or once a poll interval), not after a long queue.
                    if (wakeUps() != fannedAt || System.nanoTime() - fannedNanos >= pollNanos) {
                        fanOutAll();
                        fannedAt = wakeUps();
                        fannedNanos = System.nanoTime();
                    }
                }
            } catch (RuntimeException e) {
                LOG.warnf("Webhook dispatch failed, trying again later: %s", e.toString());
            }
            await(seen);
        }
    }

    private long wakeUps() {
        synchronized (signal) {
            return wakeUps;
        }
    }

    /** Fans out every event written since the last fan-out, a batch at a time. */
    private void fanOutAll() {
        while (running && fanOut()) {
            // the next batch
        }
    }

    private void await(long seen) {
        long until = System.nanoTime() + config.webhooks().pollInterval().toNanos();
        synchronized (signal) {
            while (running && wakeUps == seen) {
                long left = until - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(signal, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
        }
    }

    /**
     * Fans the next batch of events out to the subscriptions that ask for them (see {@link WebhookRepository#fanOut}),
     * in a short transaction of its own, and wakes the other workers when it wrote some; false when there was none (or
     * another worker or instance is doing it).
     */
    boolean fanOut() {
        int taken = QuarkusTransaction.requiringNew().call(() -> webhooks.fanOut(FAN_OUT_BATCH, now()));
        if (taken > 0) {
            wake();
        }
        return taken > 0;
    }

    /** A subscription leased to this worker, the message to send it, and its body. */
    private record Leased(Webhook webhook, WebhookMessage message, String body) {}

    /**
     * Sends the oldest due message of one subscription; false when none is due. Three steps, so that no database
     * connection is held while a receiver takes its time: a short transaction leases the subscription and reads the
     * message; the message is sent; another short transaction records the outcome, if the lease is still this worker's,
     * and gives the lease back. A worker that dies mid-way leaves a lease that runs out: the attempt is made again.
     */
    boolean dispatchOne() {
        String token = UUID.randomUUID().toString();
        long leaseSeconds = 3 * config.webhooks().timeout().toSeconds() + 15; // longer than any attempt can take
        Leased leased = QuarkusTransaction.requiringNew().call(() -> {
            OffsetDateTime now = now();
            Optional<Long> id = webhooks.lease(now, token, leaseSeconds);
            if (id.isEmpty()) {
                return null;
            }
            Webhook webhook = webhooks.require(id.get());
            Optional<WebhookMessage> head = webhooks.head(webhook.id);
            if (head.isEmpty() || head.get().nextAttemptAt.isAfter(now)) {
                webhook.leaseToken = null; // delivered by another worker since the lease's snapshot: look again
                webhook.leaseUntil = null;
                return new Leased(webhook, null, null);
            }
            return new Leased(webhook, head.get(), webhooks.body(head.get().eventId));
        });
        if (leased == null) {
            return false;
        }
        if (leased.message() == null) {
            return true;
        }
        Sender.Attempt attempt = sender.send(leased.webhook(), leased.message(), leased.body(), clock.instant());
        QuarkusTransaction.requiringNew().run(() -> {
            Webhook webhook = em.find(Webhook.class, leased.webhook().id);
            if (webhook == null || !token.equals(webhook.leaseToken)) {
                return; // deleted meanwhile, or the lease ran out and another took over (and sends it again)
            }
            WebhookMessage message = em.find(WebhookMessage.class, leased.message().id);
            if (message != null && message.state == WebhookMessage.State.PENDING) {
                record(webhook, message, attempt, now());
            }
            webhook.leaseToken = null;
            webhook.leaseUntil = null;
        });
        return true;
    }

    private void record(Webhook webhook, WebhookMessage message, Sender.Attempt attempt, OffsetDateTime now) {
        PlanwatchConfig.Webhooks settings = config.webhooks();
        message.attempts++;
        message.lastAttemptAt = now;
        message.lastStatus = attempt.status();
        message.lastError = attempt.error();
        message.lastResponse = attempt.response();
        if (attempt.delivered()) {
            message.state = WebhookMessage.State.DELIVERED;
            message.finishedAt = now;
            message.nextAttemptAt = null;
            webhook.failingSince = null;
            return;
        }
        if (!now.isBefore(message.createdAt.plus(settings.retryFor()))) {
            message.state = WebhookMessage.State.FAILED;
            message.finishedAt = now;
            message.nextAttemptAt = null;
        } else {
            message.nextAttemptAt = now.plus(delay(message.attempts, settings));
        }
        if (webhook.failingSince == null) {
            webhook.failingSince = now;
        } else if (!now.isBefore(webhook.failingSince.plus(settings.disableAfter()))) {
            webhook.enabled = false;
            webhook.disabledReason =
                    "Disabled on " + now.toLocalDate() + ": every attempt to deliver to it failed since "
                            + webhook.failingSince.truncatedTo(ChronoUnit.SECONDS)
                            + ". A PUT with enabled: true enables it again.";
            webhook.updatedAt = now;
            LOG.infof("Webhook subscription %d disabled: %s", webhook.id, webhook.disabledReason);
        }
    }

    /**
     * How long to wait before the next attempt, after {@code attempts} failed ones: exponential, capped, shortened by a
     * random jitter of up to a quarter so that the receivers that failed together are not retried together.
     */
    static Duration delay(int attempts, PlanwatchConfig.Webhooks settings) {
        double millis = settings.firstRetry().toMillis() * Math.pow(settings.retryMultiplier(), attempts - 1);
        millis = Math.min(millis, settings.maxRetryInterval().toMillis());
        return Duration.ofMillis(
                (long) (millis * (1 - ThreadLocalRandom.current().nextDouble(0.25))));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
