package org.planwatch.domain;

/** How the measures' deadline and lineage fields are documented, on every record that carries them. */
public final class MeasureFields {

    public static final String LEAD =
            "The body in charge of the measure, as the plan names it (free text); null when" + " it names none.";
    public static final String DUE_BY = "When the measure is due, as the plan says it: a date (YYYY-MM-DD), a month"
            + " (YYYY-MM) or a year (YYYY, \"d'ici 2025\"); null when it has no deadline.";
    public static final String CONTINUES = "The measure of an earlier plan that this one takes up; null when none. Its"
            + " plan must have started before this measure's plan.";
    public static final String OVERDUE = "True when dueBy is past (on the asOf date when one is given, today otherwise)"
            + " and the measure's status then is not IMPLEMENTED.";

    private MeasureFields() {}
}
