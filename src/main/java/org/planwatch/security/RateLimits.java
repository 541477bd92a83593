package org.planwatch.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import org.planwatch.common.config.PlanwatchConfig;
import org.planwatch.common.http.HttpEdge;
import org.planwatch.domain.ApiPaths;

/**
 * Per-client rate limits, as token buckets (Bucket4j) kept for clients seen in the last hour:
 * writes per client (its API key, or its address without one), failed authentications per IP address (a client that keeps presenting wrong
 * keys is then refused everything it tries to write, right keys included, until its bucket refills),
 * and, when configured, reads per IP address. Over a limit: 429 problem+json with Retry-After.
 *
 * <p>The buckets refill by the injected {@link Clock} (org.planwatch.common.time.Clocks), with millisecond precision as Bucket4j's
 * default does, so that RateLimitTest can move time itself instead of racing the refill.
 */
@ApplicationScoped
public class RateLimits {

    @Inject
    PlanwatchConfig config;

    @Inject
    Clock clock;

    /** Bucket4j's clock, read from {@link #clock}. */
    private final TimeMeter timeMeter = new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return clock.millis() * 1_000_000L;
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    };

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofHours(1))
            .maximumSize(100_000)
            .build();

    void install(@Observes Router router) {
        router.route(ApiPaths.ALL).order(-200).handler(this::check);
    }

    /** Called when a request presented a key that is malformed, unknown or revoked. */
    public void authenticationFailed(RoutingContext context) {
        if (context != null) {
            failures(clientAddress(context)).tryConsume(1);
        }
    }

    private void check(RoutingContext context) {
        String address = clientAddress(context);
        boolean write = switch (context.request().method().name()) {
            case "POST", "PUT", "DELETE", "PATCH" -> true;
            default -> false;
        };
        if (write
                && context.request().getHeader("Authorization") != null
                && failures(address).getAvailableTokens() <= 0) {
            refuse(
                    context,
                    failures(address).estimateAbilityToConsume(1).getNanosToWaitForRefill(),
                    "Too many requests from this address presented a wrong API key. Wait before trying again.");
            return;
        }
        long writesPerMinute = config.rateLimit().writesPerMinute();
        long readsPerMinute = config.rateLimit().readsPerMinute();
        boolean limited = write
                ? limited(
                        context,
                        "write:" + client(context, address),
                        writesPerMinute,
                        "At most " + writesPerMinute + " writes a minute are accepted from one client.")
                : readsPerMinute > 0
                        && limited(
                                context,
                                "read:" + address,
                                readsPerMinute,
                                "At most " + readsPerMinute + " reads a minute are accepted from one address.");
        if (limited) {
            return;
        }
        context.next();
    }

    /** Takes a token from the bucket of {@code key}; refuses the request (429) when there is none left. */
    private boolean limited(RoutingContext context, String key, long perMinute, String detail) {
        ConsumptionProbe probe = bucket(key, perMinute).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            refuse(context, probe.getNanosToWaitForRefill(), detail);
        }
        return !probe.isConsumed();
    }

    private Bucket failures(String address) {
        return bucket("auth:" + address, config.rateLimit().failedAuthenticationsPerMinute());
    }

    private Bucket bucket(String key, long perMinute) {
        return buckets.get(
                key,
                k -> Bucket.builder()
                        .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                        .withCustomTimePrecision(timeMeter)
                        .build());
    }

    /** A client is the API key it presents, or its address when it presents none. */
    private static String client(RoutingContext context, String address) {
        String authorization = context.request().getHeader("Authorization");
        return authorization == null
                ? "address:" + address
                : "key:" + HexFormat.of().formatHex(ApiKeys.sha256(authorization), 0, 12);
    }

    /** The client's address as the HTTP layer sees it (behind a proxy, enable quarkus.http.proxy.proxy-address-forwarding). */
    private static String clientAddress(RoutingContext context) {
        var address = context.request().remoteAddress();
        return address == null ? "unknown" : address.hostAddress();
    }

    private static void refuse(RoutingContext context, long nanosToWait, String detail) {
        long seconds = Math.max(1, (nanosToWait + 999_999_999L) / 1_000_000_000L);
        context.response().putHeader("Retry-After", Long.toString(seconds));
        HttpEdge.problem(context, 429, "Too many requests", detail + " Retry after " + seconds + " s.");
    }
}
