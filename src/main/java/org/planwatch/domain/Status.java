package org.planwatch.domain;

/**
 * A measure's state of advancement ("état d'avancement"). The first three are what an assessment
 * gives; {@link #NOT_ASSESSED} is the status of a measure that no evaluation has assessed.
 */
public enum Status {
    IMPLEMENTED("Réalisée"),
    PARTIALLY_IMPLEMENTED("Partiellement réalisée"),
    NOT_IMPLEMENTED("Non réalisée"),
    NOT_ASSESSED("Non évaluée");

    public final String label;

    Status(String label) {
        this.label = label;
    }
}
