package org.planwatch;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waiting for a condition the test cannot be told of (another process's state, a log line, an asynchronous listener),
 * polling it, with a bound generous enough for a busy machine: the bound only stops a test that would otherwise hang.
 * No test asserts how soon the condition came.
 */
public final class Await {

    /** What every wait in the test suite allows unless it says otherwise. */
    public static final Duration GENEROUSLY = Duration.ofSeconds(60);

    private Await() {}

    public static void until(String what, BooleanSupplier condition) {
        until(what, GENEROUSLY, condition, () -> "");
    }

    public static void until(String what, Duration within, BooleanSupplier condition, Supplier<String> state) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("waited " + within.toSeconds() + " s for " + what + " " + state.get());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }
}
