package org.planwatch.common.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Planwatch's own settings, every key under {@code planwatch.} (application.properties, environment variables such as
 * PLANWATCH_ADMIN_KEY, system properties), typed and read in one place.
 */
@ConfigMapping(prefix = "planwatch")
public interface PlanwatchConfig {

    /** An administrator key to start with; without it, nobody can write until an administrator key exists in the database. */
    Optional<String> adminKey();

    Cache cache();

    RateLimit rateLimit();

    EmbeddedPostgres embeddedPostgres();

    Webhooks webhooks();

    /** The response cache (docs/operations.md). */
    interface Cache {

        /** Off: every request goes to the database. */
        @WithDefault("true")
        boolean enabled();

        @WithDefault("16777216")
        long maxBytes();

        /** How long a client or a shared cache may reuse a public answer without asking again (then as long again while it asks). */
        @WithDefault("30S")
        Duration maxAge();

        /** The same for what other sites embed (badges, embeds, the Atom feed): polled by every visitor of their pages. */
        @WithDefault("5M")
        Duration embeddedMaxAge();
    }

    /** Per-client rate limits: 429 with Retry-After beyond them. */
    interface RateLimit {

        @WithDefault("120")
        long writesPerMinute();

        @WithDefault("10")
        long failedAuthenticationsPerMinute();

        /** 0: reads are not limited. */
        @WithDefault("0")
        long readsPerMinute();
    }

    /**
     * The embedded PostgreSQL, started when no datasource URL is configured. EmbeddedPostgresConfigSourceFactory reads
     * these keys itself, while the configuration is being built and before any mapping exists; they are listed here so
     * that they are typed and documented with the others.
     */
    interface EmbeddedPostgres {

        @WithDefault("true")
        boolean enabled();

        /** Where its data lives between restarts; empty means a temporary directory deleted on exit. */
        Optional<String> dataDir();

        /** 0 picks a free port. */
        @WithDefault("0")
        int port();
    }

    /** Webhooks: where messages may go, and how they are sent and retried (docs/webhooks.md). */
    interface Webhooks {

        /**
         * Also allow http, and addresses on loopback, private, link-local and unique-local networks: for local
         * development and the tests only, never in production (a subscriber could make the service call its own network).
         */
        @WithDefault("false")
        boolean allowPrivateTargets();

        /** Off: messages are still written to the outbox, but this instance sends none (another instance may). */
        @WithDefault("true")
        boolean dispatch();

        /** How many subscriptions this instance sends to at the same time. */
        @WithDefault("2")
        int workers();

        /** How often this instance looks for messages that are due, besides right after its own writes commit. */
        @WithDefault("5S")
        Duration pollInterval();

        /** Connecting to a receiver, and waiting for its answer, each give up after this long. */
        @WithDefault("5S")
        Duration timeout();

        /** The first retry comes after at most this long (less, by a random jitter of up to a quarter). */
        @WithDefault("20S")
        Duration firstRetry();

        /** Each retry waits this many times longer than the one before, up to {@link #maxRetryInterval()}. */
        @WithDefault("2")
        double retryMultiplier();

        @WithDefault("4H")
        Duration maxRetryInterval();

        /** A message is retried for at least this long after it was written, then marked failed. */
        @WithDefault("25H")
        Duration retryFor();

        /** A subscription all of whose attempts have failed for this long is disabled (a PUT enables it again). */
        @WithDefault("72H")
        Duration disableAfter();

        /** After a secret's rotation, the previous secret signs the messages too for this long. */
        @WithDefault("24H")
        Duration previousSecretValidity();
    }
}
