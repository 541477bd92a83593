package org.planwatch.measure;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
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
}
