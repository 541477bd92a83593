package org.planwatch.axis;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import org.planwatch.common.db.Identified;
import org.planwatch.plan.Plan;

/** An axis ("axe") of a plan, numbered from 1 inside it. */
@Entity
public class Axis extends Identified {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Plan plan;

    public int number;

    public String title;
}
