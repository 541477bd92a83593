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
}
