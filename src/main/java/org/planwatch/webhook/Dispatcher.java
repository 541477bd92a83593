package org.planwatch.webhook;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.planwatch.common.config.PlanwatchConfig;

/**
 * Sends the outbox's messages, off the requests' threads: a few workers each claim one subscription whose oldest
 * pending message is due (see {@link WebhookRepository#claimDue}), send that message in the claim's transaction, record
 * what came of it, and commit. They look again right after a local write commits messages, and every poll interval
 * (for the messages of other instances' writes, and the retries that came due). "Now" is the injected clock's.
 *
 * <p>A crash loses nothing: an attempt that was under way when the process died is rolled back with its transaction
 * (its lock goes with the connection) and made again, so a receiver may get a message twice, never not at all.
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
    Clock clock;

    private static final Object WAKE_AFTER_COMMIT = new Object();

    @Inject
    TransactionSynchronizationRegistry transactions;

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
        if (transactions.getResource(WAKE_AFTER_COMMIT) != null) {
            return;
        }
        transactions.putResource(WAKE_AFTER_COMMIT, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    wake();
                }
            }
        });
    }

    private void work() {
        while (running) {
            long seen;
            synchronized (signal) {
                seen = wakeUps;
            }
            try {
                while (running && dispatchOne()) {
                    // one message after another, while some are due
                }
            } catch (RuntimeException e) {
                LOG.warnf("Webhook dispatch failed, trying again later: %s", e.toString());
            }
            await(seen);
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

    /** Sends the oldest due message of one subscription; false when none is due. */
    boolean dispatchOne() {
        return QuarkusTransaction.requiringNew()
                .timeout((int) (4 * config.webhooks().timeout().toSeconds() + 30))
                .call(() -> {
                    OffsetDateTime now = now();
                    Optional<Long> claimed = webhooks.claimDue(now);
                    if (claimed.isEmpty()) {
                        return false;
                    }
                    Webhook webhook = webhooks.require(claimed.get());
                    Optional<WebhookMessage> head = webhooks.head(webhook.id);
                    if (head.isEmpty() || head.get().nextAttemptAt.isAfter(now)) {
                        return true; // delivered by another worker since the claim's snapshot: look again
                    }
                    WebhookMessage message = head.get();
                    Sender.Attempt attempt = sender.send(webhook, message, now.toInstant());
                    record(webhook, message, attempt, now());
                    return true;
                });
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
