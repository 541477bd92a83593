package org.planwatch.evaluator;

/** What kind of body an evaluator is, with the French label shown next to the value. */
public enum EvaluatorKind {
    INDEPENDENT_RAPPORTEUR("Rapporteur national indépendant"),
    CIVIL_SOCIETY("Société civile"),
    GOVERNMENT("Gouvernement"),
    INTERNATIONAL_BODY("Organisation internationale");

    public final String label;

    EvaluatorKind(String label) {
        this.label = label;
    }
}
