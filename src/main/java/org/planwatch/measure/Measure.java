package org.planwatch.measure;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import org.planwatch.axis.Axis;
import org.planwatch.plan.Plan;

/** A measure of a plan, numbered from 1 across the whole plan, in one of its axes. */
@Entity
public class Measure {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "plan_id")
    public Plan plan;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "axis_id")
    public Axis axis;

    public int number;

    /** The source's wording, extraction typos fixed. */
    public String title;
}
