package org.planwatch.common.time;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The service's one clock: the system's, in UTC. Code that decides something by how much time has passed (the rate
 * limits' token buckets, how long a database trial may stay unanswered) reads "now" from the injected {@link Clock}
 * rather than from {@code System.currentTimeMillis()}, so that a test can replace it (a {@code @TestProfile} enabling an
 * alternative Clock bean) with one that only moves when the test moves it: such a test then does not depend on how fast
 * the machine runs it. Times that are only recorded (when a key was created, when the data last changed) keep reading
 * the system clock.
 */
@Singleton
public class Clocks {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
