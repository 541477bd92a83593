package org.planwatch.webhook;

import java.util.Arrays;
import java.util.List;
import org.planwatch.history.Change;
import org.planwatch.history.ChangeView;

/** The events a subscription may ask for, named as the Standard Webhooks specification suggests. */
enum Event {
    MEASURE_STATUS_CHANGED("measure.status_changed"),
    EVALUATION_CREATED("evaluation.created"),
    EVALUATION_UPDATED("evaluation.updated"),
    EVALUATION_DELETED("evaluation.deleted"),
    /** Sent by POST /webhooks/{id}/test only, to every subscription that asks for it, whatever its events. */
    PING("ping");

    /** What a subscription may list in {@code events}. */
    static final List<String> SUBSCRIBABLE =
            Arrays.stream(values()).filter(e -> e != PING).map(e -> e.type).toList();

    final String type;

    Event(String type) {
        this.type = type;
    }

    /**
     * The event a change-feed entry is, or null: a measure's status change; an evaluation's creation, correction or
     * withdrawal; a change of one of its assessments is a correction of the evaluation.
     */
    static Event of(ChangeView entry) {
        if (entry.kind() == Change.Kind.STATUS_CHANGED) {
            return MEASURE_STATUS_CHANGED;
        }
        if (entry.resource().equals("assessment")) {
            return EVALUATION_UPDATED;
        }
        if (!entry.resource().equals("evaluation")) {
            return null;
        }
        return switch (entry.kind()) {
            case CREATED -> EVALUATION_CREATED;
            case DELETED -> EVALUATION_DELETED;
            default -> EVALUATION_UPDATED;
        };
    }
}
