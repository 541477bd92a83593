package org.planwatch.webhook;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;
import java.util.Set;
import org.planwatch.ManualClock;

/**
 * Webhook tests: a clock that only the test moves (retries come due when it says so, not after real waits), the
 * dispatcher on (it is off in the rest of the suite) and looking every 50 ms, and a 2 s timeout so that a hanging receiver costs little.
 */
public class WebhookProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "planwatch.webhooks.dispatch",
                "true",
                "planwatch.webhooks.poll-interval",
                "PT0.05S",
                "planwatch.webhooks.timeout",
                "2S");
    }

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(ManualClock.class);
    }
}
