package org.planwatch.measure;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import java.time.LocalDate;
import org.planwatch.axis.Axis;
import org.planwatch.common.db.Identified;
import org.planwatch.plan.Plan;

/** A measure of a plan, numbered from 1 across the whole plan, in one of its axes. */
@Entity
public class Measure extends Identified {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Plan plan;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Axis axis;

    public int number;

    /** The source's wording, extraction typos fixed. */
    public String title;

    /** The body in charge, free text; null when the plan names none. */
    public String lead;

    /** The last day of the period the measure is due by; null when it has no deadline. */
    public LocalDate dueBy;

    /** DAY, MONTH or YEAR: how the deadline was written (domain.DueBy). */
    public String duePrecision;

    /** The measure of an earlier plan this one takes up; null when none. */
    @ManyToOne(fetch = FetchType.LAZY)
    public Measure continues;
}
