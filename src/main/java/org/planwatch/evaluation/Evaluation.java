package org.planwatch.evaluation;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import org.planwatch.domain.EvaluationRef;
import org.planwatch.evaluator.Evaluator;
import org.planwatch.plan.Plan;

/** One published assessment of a plan by one evaluator at one date. */
@Entity
public class Evaluation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "evaluator_id")
    public Evaluator evaluator;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "plan_id")
    public Plan plan;

    public String title;

    /** The date the evaluation was adopted or, failing that, published. */
    public LocalDate date;

    @Column(name = "source_title")
    public String sourceTitle;

    @Column(name = "source_url")
    public String sourceUrl;

    public String summary;

    public EvaluationRef ref() {
        return new EvaluationRef(id, title, date, evaluator.ref());
    }
}
