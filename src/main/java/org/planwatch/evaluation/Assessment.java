package org.planwatch.evaluation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import org.planwatch.domain.Status;
import org.planwatch.measure.Measure;
import org.planwatch.evaluator.Evaluator;
import org.planwatch.plan.Plan;

/** The status one evaluation gives one measure. */
@Entity
public class Assessment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "evaluation_id")
    public Evaluation evaluation;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "measure_id")
    public Measure measure;

    /** Denormalised so that the database can check that the measure and the evaluation share a plan. */
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "plan_id")
    public Plan plan;

    /** The evaluation's evaluator, kept equal to it by the database: it lets an index find each evaluator's latest assessment. */
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "evaluator_id", updatable = false) // the database follows the evaluation
    public Evaluator evaluator;

    /** The evaluation's date, kept equal to it by the database: it lets an index find a measure's latest assessment. */
    @Column(name = "evaluation_date", updatable = false) // the database follows the evaluation
    public java.time.LocalDate evaluationDate;

    @Enumerated(EnumType.STRING)
    public Status status;

    public String comment;
}
