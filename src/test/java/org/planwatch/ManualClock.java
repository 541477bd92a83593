package org.planwatch;

import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that only moves when the test moves it, in place of the service's (org.planwatch.common.time.Clocks) for the test
 * classes whose profile enables it ({@code getEnabledAlternatives}): what they check then does not depend on how fast
 * the machine runs them. Starts at 2030-01-01T00:00:00Z.
 */
@Alternative
@Singleton
public class ManualClock extends Clock {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2030-01-01T00:00:00Z"));

    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a clock the service relies on never goes back: " + duration);
        }
        now.updateAndGet(instant -> instant.plus(duration));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the service reads its clock in UTC");
    }
}
