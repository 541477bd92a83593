package org.planwatch.history;

import java.util.List;

/**
 * Told of every write recorded in the change feed, inside the write's transaction: what it writes commits or rolls
 * back with the write. The webhook folder provides it (its outbox); the history, on a lower floor, only calls it.
 */
public interface ChangeObserver {

    /**
     * The change-feed entries one write just recorded (its edit first, then the status changes it caused), and the
     * written resource before and after, as GET shows it (null when it did not exist, or no longer does).
     */
    void recorded(List<ChangeView> entries, Object before, Object after);
}
