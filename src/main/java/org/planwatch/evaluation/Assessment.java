package org.planwatch.evaluation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.LocalDate;
import org.planwatch.common.db.Identified;
import org.planwatch.domain.Status;
import org.planwatch.evaluator.Evaluator;
import org.planwatch.measure.Measure;
import org.planwatch.plan.Plan;

/** The status one evaluation gives one measure. */
@Entity
public class Assessment extends Identified {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Evaluation evaluation;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Measure measure;

    /** Denormalised so that the database can check that the measure and the evaluation share a plan. */
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Plan plan;

    /** The evaluation's evaluator, kept equal to it by the database: it lets an index find each evaluator's latest assessment. */
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(updatable = false) // the database follows the evaluation
    public Evaluator evaluator;

    /** The evaluation's date, kept equal to it by the database: it lets an index find a measure's latest assessment. */
    @Column(updatable = false) // the database follows the evaluation
    public LocalDate evaluationDate;

    @Enumerated(EnumType.STRING)
    public Status status;

    public String comment;
}
